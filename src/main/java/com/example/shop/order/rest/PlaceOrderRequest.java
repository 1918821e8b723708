package com.example.shop.order.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of POST /api/orders: 1–100 lines; the same product twice is merged. customerId may be left out
 * by a customer (it is taken from the token) and must be given by staff ordering for a customer.
 */
public record PlaceOrderRequest(
        Long customerId,
        @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull OrderLineRequest> items) {
}
