package com.example.shop.catalog.repository;

import java.math.BigDecimal;

/**
 * The optional filters of the product list, combined with AND (Django's chained filter(...) calls).
 * Null means "no condition"; {@code active} defaults to true at the API.
 */
public record ProductFilter(Long categoryId, Boolean inStock, Boolean onSale, String text,
                            BigDecimal minPrice, BigDecimal maxPrice, Boolean active) {
}
