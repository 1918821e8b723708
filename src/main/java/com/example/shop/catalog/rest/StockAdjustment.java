package com.example.shop.catalog.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A relative stock change: positive for a delivery, negative for shrinkage. */
public record StockAdjustment(@NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta) {
}
