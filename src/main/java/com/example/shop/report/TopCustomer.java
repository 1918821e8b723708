package com.example.shop.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;

/** A customer's spend over non-cancelled orders in a window. */
@RegisterForReflection
public record TopCustomer(long customerId, String email, String firstName, String lastName, long orderCount,
                          BigDecimal totalSpent, Instant lastOrderAt) {
}
