package com.example.shop.account;

import com.example.shop.common.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the services need it: staff may act on anything; a customer only on what is its own.
 * The customer id is the token's subject, never a value from the request body.
 */
public record Caller(Long customerId, boolean staff) {

    public static Caller of(SecurityIdentity identity) {
        if (identity.hasRole(Role.STAFF)) {
            return new Caller(null, true);
        }
        if (identity.hasRole(Role.CUSTOMER)) {
            return new Caller(Long.valueOf(identity.getPrincipal().getName()), false);
        }
        throw new ProblemException(401, "unauthorized", "Unauthorized", "Log in first", null);
    }

    /** Whether this caller may see or change what belongs to {@code ownerId}. */
    public boolean owns(long ownerId) {
        return staff || customerId == ownerId;
    }

    /** The customer an order or review is for: a customer acts only for itself (403 otherwise). */
    public long actingFor(Long requestedCustomerId) {
        if (staff) {
            if (requestedCustomerId == null) {
                throw ProblemException.badRequest("customerId", "must be given by staff");
            }
            return requestedCustomerId;
        }
        if (requestedCustomerId != null && !requestedCustomerId.equals(customerId)) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "A customer can act only for itself (customerId " + customerId + ")", null);
        }
        return customerId;
    }
}
