package com.example.shop.review.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.example.shop.review.Review;

import java.time.Instant;

/** A review as clients see it. */
@RegisterForReflection
public record ReviewResponse(Long id, Long productId, Long customerId, int rating, String title, String body,
                             Instant createdAt, Instant updatedAt) {

    public static ReviewResponse from(Review review) {
        return new ReviewResponse(review.id, review.productId, review.customerId, review.rating, review.title,
                review.body, review.createdAt, review.updatedAt);
    }
}
