package com.example.shop.catalog.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.example.shop.catalog.Product;

import java.math.BigDecimal;
import java.time.Instant;

/** A product as clients see it; money has exactly two decimals. */
@RegisterForReflection
public record ProductResponse(Long id, String sku, String name, String slug, String description,
                              BigDecimal price, BigDecimal salePrice, int stock, int reorderLevel,
                              boolean active, Long categoryId, BigDecimal averageRating, int reviewCount,
                              Instant createdAt, Instant updatedAt, long version) {

    public static ProductResponse from(Product p) {
        return new ProductResponse(p.id, p.sku, p.name, p.slug, p.description, p.price, p.salePrice, p.stock,
                p.reorderLevel, p.active, p.categoryId, p.averageRating, p.ratingCount, p.createdAt, p.updatedAt,
                p.version);
    }
}
