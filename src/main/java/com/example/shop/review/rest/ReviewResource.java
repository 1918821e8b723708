package com.example.shop.review.rest;

import com.example.shop.account.Caller;
import com.example.shop.account.Role;
import com.example.shop.common.Responses;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import com.example.shop.review.Review;
import com.example.shop.review.service.ReviewService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP mapping of single reviews: read, edit, delete. */
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews")
public class ReviewResource {

    private final ReviewService service;
    private final SecurityIdentity identity;

    public ReviewResource(ReviewService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "Get a review", description = "The ETag header carries the version for If-Match.")
    public Uni<RestResponse<ReviewResponse>> get(@RestPath long id) {
        return service.get(id).map(ReviewResource::ok);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Role.CUSTOMER, Role.STAFF})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a review",
            description = "rating, title and body; the product's rating follows in the same transaction. If-Match "
                    + "mismatch → 412; a stale body version without If-Match → 409.")
    public Uni<RestResponse<ReviewResponse>> update(@RestPath long id, @RestHeader("If-Match") String ifMatch,
                                                    @Valid @NotNull ReviewUpdate request) {
        return service.update(id, request, ifMatch, Caller.of(identity)).map(ReviewResource::ok);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Role.CUSTOMER, Role.STAFF})
    @Operation(summary = "Delete a review", description = "The product's rating follows in the same transaction.")
    public Uni<RestResponse<Void>> delete(@RestPath long id) {
        return service.delete(id, Caller.of(identity)).map(nothing -> RestResponse.noContent());
    }

    private static RestResponse<ReviewResponse> ok(Review review) {
        return Responses.ok(ReviewResponse.from(review), review.version);
    }
}
