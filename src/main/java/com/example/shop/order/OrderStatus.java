package com.example.shop.order;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of an order: PENDING → PAID → SHIPPED → DELIVERED, and PENDING or PAID → CANCELLED. */
public enum OrderStatus {
    PENDING, PAID, SHIPPED, DELIVERED, CANCELLED;

    /** The states from which an order may move to this one. */
    public Set<OrderStatus> allowedFrom() {
        return switch (this) {
            case PENDING -> EnumSet.noneOf(OrderStatus.class);
            case PAID -> EnumSet.of(PENDING);
            case SHIPPED -> EnumSet.of(PAID);
            case DELIVERED -> EnumSet.of(SHIPPED);
            case CANCELLED -> EnumSet.of(PENDING, PAID);
        };
    }
}
