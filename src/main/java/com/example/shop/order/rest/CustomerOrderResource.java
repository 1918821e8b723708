package com.example.shop.order.rest;

import com.example.shop.common.Page;
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

    public CustomerOrderResource(OrderService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "A customer's orders",
            description = "Newest first, with their lines; keyset pagination (limit default 20, max 100; pass next "
                    + "as after). Unknown customer → 404.")
    public Uni<Page<OrderResponse>> list(@RestPath long customerId, @RestQuery String limit, @RestQuery String after) {
        return service.forCustomer(customerId, after, Page.limit(limit)).map(page -> page.map(OrderResponse::from));
    }
}
