package com.example.shop.review.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new review: what the customer thinks; customerId, when sent, must be the caller's own. */
public record ReviewRequest(
        Long customerId,
        @NotNull @Min(1) @Max(5) Integer rating,
        @Size(max = 200) String title,
        @Size(max = 10_000) String body) {
}
