package com.example.shop.customer.rest;

import com.example.shop.account.Caller;
import com.example.shop.account.Role;
import com.example.shop.account.service.Passwords;
import com.example.shop.common.ProblemException;
import com.example.shop.common.Responses;
import com.example.shop.customer.Customer;
import com.example.shop.customer.service.CustomerService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
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

/** HTTP mapping of customers: registration is public, the rest is the customer itself or staff. */
@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

    private final CustomerService service;
    private final Passwords passwords;
    private final SecurityIdentity identity;

    public CustomerResource(CustomerService service, Passwords passwords, SecurityIdentity identity) {
        this.service = service;
        this.passwords = passwords;
        this.identity = identity;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.CUSTOMER, Role.STAFF})
    @Operation(summary = "Get a customer", description = "The customer itself or staff; another customer's id is a 404. "
            + "The ETag header carries the version for If-Match.")
    public Uni<RestResponse<CustomerResponse>> get(@RestPath long id) {
        return service.get(id, Caller.of(identity)).map(CustomerResource::ok);
    }

    @POST
    @PermitAll
    @Operation(summary = "Register a customer",
            description = "Public. password (8–72 characters) is required and stored only as a bcrypt hash; the email "
                    + "is unique case-insensitively (409). Log in with POST /api/auth/login.")
    public Uni<RestResponse<CustomerResponse>> create(@Valid @NotNull CustomerRequest request) {
        if (request.password() == null) {
            throw ProblemException.badRequest("password", "is required to register");
        }
        return passwords.hash(request.password())
                .chain(hash -> service.create(request, hash))
                .map(customer -> Responses.created("/api/customers/" + customer.id, CustomerResponse.from(customer),
                        customer.version));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Role.CUSTOMER, Role.STAFF})
    @Operation(summary = "Replace a customer",
            description = "The customer itself or staff. A password, when sent, replaces the current one. If-Match "
                    + "mismatch is a 412; a stale body version without If-Match is a 409.")
    public Uni<RestResponse<CustomerResponse>> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
                                                      @Valid @NotNull CustomerRequest request) {
        Caller caller = Caller.of(identity);
        Uni<String> hash = request.password() == null ? Uni.createFrom().nullItem() : passwords.hash(request.password());
        return hash.chain(passwordHash -> service.update(id, request, passwordHash, ifMatch, caller))
                .map(CustomerResource::ok);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Role.CUSTOMER, Role.STAFF})
    @Operation(summary = "Delete a customer", description = "The customer itself or staff; 409 while the customer has orders.")
    public Uni<RestResponse<Void>> delete(@RestPath long id) {
        return service.delete(id, Caller.of(identity)).map(nothing -> RestResponse.noContent());
    }

    private static RestResponse<CustomerResponse> ok(Customer customer) {
        return Responses.ok(CustomerResponse.from(customer), customer.version);
    }
}
