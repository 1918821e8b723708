package com.example.shop.order.rest;

import com.example.shop.account.Caller;
import com.example.shop.account.Role;
import com.example.shop.common.Page;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import com.example.shop.order.service.OrderService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** HTTP mapping of a customer's order history. */
@Path("/api/customers/{customerId}/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerOrderResource {

    private final OrderService service;
    private final SecurityIdentity identity;

    public CustomerOrderResource(OrderService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Role.CUSTOMER, Role.STAFF})
    @Operation(summary = "A customer's orders",
            description = "Newest first, with their lines; keyset pagination (limit default 20, max 100; pass next "
                    + "as after). The customer itself or staff; unknown (or another) customer → 404.")
    public Uni<Page<OrderResponse>> list(@RestPath long customerId, @RestQuery String limit, @RestQuery String after) {
        return service.forCustomer(customerId, after, Page.limit(limit), Caller.of(identity)).map(page -> page.map(OrderResponse::from));
    }
}
