package com.example.shop.order.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** One requested line: a product and how many. Prices are never taken from clients. */
public record OrderLineRequest(@NotNull Long productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
}
