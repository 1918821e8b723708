package com.example.shop.order.repository;

import java.math.BigDecimal;

/** A line whose stock was reserved, with the product's sku, name and effective price at that moment. */
public record ReservedLine(long productId, String sku, String name, BigDecimal unitPrice) {
}
