package com.example.shop.review.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The editable fields of a review; author and product never change. {@code version} is optional (see If-Match). */
public record ReviewUpdate(
        @NotNull @Min(1) @Max(5) Integer rating,
        @Size(max = 200) String title,
        @Size(max = 10_000) String body,
        Long version) {
}
