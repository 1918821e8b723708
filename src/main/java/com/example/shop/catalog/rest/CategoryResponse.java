package com.example.shop.catalog.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.example.shop.catalog.Category;

import java.time.Instant;

/** A category as clients see it. */
@RegisterForReflection
public record CategoryResponse(Long id, String name, String slug, Long parentId, Instant createdAt) {

    public static CategoryResponse from(Category category) {
        return new CategoryResponse(category.id, category.name, category.slug, category.parentId, category.createdAt);
    }
}
