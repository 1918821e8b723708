package com.example.shop.review.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new review: who wrote it and what they think. */
public record ReviewRequest(
        @NotNull Long customerId,
        @NotNull @Min(1) @Max(5) Integer rating,
        @Size(max = 200) String title,
        @Size(max = 10_000) String body) {
}
