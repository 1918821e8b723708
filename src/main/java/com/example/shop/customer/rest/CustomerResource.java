package com.example.shop.customer.rest;

import com.example.shop.common.Responses;
import com.example.shop.customer.Customer;
import com.example.shop.customer.service.CustomerService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;


/** HTTP mapping of customers. */
@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    private final CustomerService service;

    public CustomerResource(CustomerService service) {
        this.service = service;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a customer", description = "The ETag header carries the version for If-Match.")
    public Uni<RestResponse<CustomerResponse>> get(@RestPath long id) {
        return service.get(id).map(CustomerResource::ok);
    }

    @POST
    @Operation(summary = "Register a customer", description = "The email is unique case-insensitively (409).")
    public Uni<RestResponse<CustomerResponse>> create(@Valid @NotNull CustomerRequest request) {
        return service.create(request)
                .map(customer -> Responses.created("/api/customers/" + customer.id, CustomerResponse.from(customer), customer.version));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a customer",
            description = "If-Match mismatch is a 412; a stale body version without If-Match is a 409.")
    public Uni<RestResponse<CustomerResponse>> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
                                                      @Valid @NotNull CustomerRequest request) {
        return service.update(id, request, ifMatch).map(CustomerResource::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a customer", description = "409 while the customer has orders.")
    public Uni<RestResponse<Void>> delete(@RestPath long id) {
        return service.delete(id).map(nothing -> RestResponse.noContent());
    }

    private static RestResponse<CustomerResponse> ok(Customer customer) {
        return Responses.ok(CustomerResponse.from(customer), customer.version);
    }
}
