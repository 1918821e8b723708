package com.example.shop.support;

import static com.example.shop.support.OrderRequests.body;
import static com.example.shop.support.OrderRequests.place;

/** Customers who bought a product, so they may review it. */
public final class Buyers {

    private Buyers() {
    }

    /** A new customer with a placed (PENDING) order of one unit of {@code productId}; returns the customer id. */
    public static long of(long productId) {
        long customer = Fixtures.customer();
        place(body(customer, productId, 1)).then().statusCode(201);
        return customer;
    }
}
