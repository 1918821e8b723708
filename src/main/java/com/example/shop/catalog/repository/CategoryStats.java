package com.example.shop.catalog.repository;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Product counts of a category, its subcategories included. */
@RegisterForReflection
public record CategoryStats(long id, String name, long productCount, long activeProductCount) {
}
