package com.example.shop.order.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.example.shop.order.Order;
import com.example.shop.order.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as clients see it; itemCount is the number of units over all lines. */
@RegisterForReflection
public record OrderResponse(Long id, String number, Long customerId, OrderStatus status, List<OrderItemResponse> items,
                            int itemCount, BigDecimal total, Instant createdAt, Instant updatedAt) {

    public static OrderResponse from(Order order) {
        return new OrderResponse(order.id, order.number, order.customerId, order.status,
                order.items.stream().map(OrderItemResponse::from).toList(), order.itemCount, order.total,
                order.createdAt, order.updatedAt);
    }
}
