package com.example.shop.order.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.example.shop.order.OrderItem;

import java.math.BigDecimal;

/** An order line with the name, sku and unit price snapshotted when the order was placed. */
@RegisterForReflection
public record OrderItemResponse(Long productId, String sku, String name, BigDecimal unitPrice, int quantity,
                                BigDecimal lineTotal) {

    public static OrderItemResponse from(OrderItem item) {
        return new OrderItemResponse(item.productId, item.sku, item.name, item.unitPrice, item.quantity,
                item.lineTotal);
    }
}
