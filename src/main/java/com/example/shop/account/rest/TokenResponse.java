package com.example.shop.account.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A bearer token for the Authorization header, and its lifetime in seconds. */
@RegisterForReflection
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
}
