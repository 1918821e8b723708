package com.example.shop.order.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of POST /api/orders: 1–100 lines; the same product twice is merged. */
public record PlaceOrderRequest(
        @NotNull Long customerId,
        @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull OrderLineRequest> items) {
}
