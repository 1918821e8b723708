package com.example.shop.customer.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.example.shop.customer.Customer;

import java.time.Instant;

/** A customer as clients see it. */
@RegisterForReflection
public record CustomerResponse(Long id, String email, String firstName, String lastName, Instant createdAt) {

    public static CustomerResponse from(Customer customer) {
        return new CustomerResponse(customer.id, customer.email, customer.firstName, customer.lastName,
                customer.createdAt);
    }
}
