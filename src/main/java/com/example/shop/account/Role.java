package com.example.shop.account;

/** The groups a token carries. */
public final class Role {

    public static final String CUSTOMER = "customer";
    public static final String STAFF = "staff";

    private Role() {
    }
}
