package com.example.shop.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;

/** A product's units and revenue over the lines of non-cancelled orders in a window. */
@RegisterForReflection
public record BestSeller(long productId, String sku, String name, long unitsSold, BigDecimal revenue) {
}
