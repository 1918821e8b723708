package com.example.shop.order.repository;

/** Why a line could not be reserved: read only after a failed reservation. */
public record ProductAvailability(long productId, int stock, boolean active) {
}
