package com.example.shop.order.repository;

/** A requested line after merging: product and total quantity. */
public record OrderLine(long productId, int quantity) {
}
