package com.example.shop.review.rest;

import com.example.shop.account.Caller;
import com.example.shop.account.Role;
import com.example.shop.common.BusinessMetrics;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import com.example.shop.common.Page;
import com.example.shop.common.Responses;
import com.example.shop.review.service.ReviewService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP mapping of a product's reviews: write one, list them. */
@Path("/api/products/{productId}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews")
public class ProductReviewResource {

    private final ReviewService service;
    private final BusinessMetrics metrics;
    private final SecurityIdentity identity;

    public ProductReviewResource(ReviewService service, BusinessMetrics metrics, SecurityIdentity identity) {
        this.service = service;
        this.metrics = metrics;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.CUSTOMER)
    @Operation(summary = "Review a product",
            description = "rating 1–5. Only a verified buyer (a non-cancelled order containing the product) may "
                    + "review, else 422; a second review by the same customer is a 409. The product's averageRating "
                    + "and reviewCount change in the same transaction. Unknown product → 404. A customer reviews as itself "
                    + "(customerId may be left out; another customer's id → 403).")
    public Uni<RestResponse<ReviewResponse>> create(@RestPath long productId, @Valid @NotNull ReviewRequest request) {
        return service.create(productId, request, Caller.of(identity))
                .invoke(metrics::reviewCreated)
                .map(review -> Responses.created("/api/reviews/" + review.id, ReviewResponse.from(review), review.version));
    }

    @GET
    @PermitAll
    @Operation(summary = "A product's reviews", description = "Newest first; keyset pagination (limit, after).")
    public Uni<Page<ReviewResponse>> list(@RestPath long productId, @RestQuery String limit, @RestQuery String after) {
        return service.forProduct(productId, after, Page.limit(limit)).map(page -> page.map(ReviewResponse::from));
    }

}
