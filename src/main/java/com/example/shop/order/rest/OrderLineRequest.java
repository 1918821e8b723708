package com.example.shop.order.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** One requested line: a product and how many. Prices are never taken from clients. */
@RegisterForReflection
public record OrderLineRequest(@NotNull Long productId, @NotNull @Min(1) @Max(1000) Integer quantity) {
}
