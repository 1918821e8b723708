package com.example.shop.order.repository;

import java.math.BigDecimal;

/** A reserved line with its price: lineTotal = unitPrice × quantity, exact in BigDecimal. */
public record PricedLine(long productId, String sku, String name, BigDecimal unitPrice, int quantity,
                         BigDecimal lineTotal) {
}
