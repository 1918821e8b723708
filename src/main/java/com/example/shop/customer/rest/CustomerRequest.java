package com.example.shop.customer.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The writable fields of a customer. {@code password} (8–72 characters) is required to register and
 * optional on updates; {@code version} is optional (see If-Match).
 */
public record CustomerRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Size(min = 8, max = 72) String password,
        Long version) {

    /** Hides the password from logs and error messages. */
    @Override
    public String toString() {
        return "CustomerRequest[email=" + email + ", firstName=" + firstName + ", lastName=" + lastName + "]";
    }
}
