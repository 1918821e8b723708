package com.example.shop.order;

/** The lifecycle of an order. */
public enum OrderStatus {
    PENDING, PAID, SHIPPED, DELIVERED, CANCELLED
}
