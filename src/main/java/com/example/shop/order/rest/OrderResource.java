package com.example.shop.order.rest;

import com.example.shop.account.Caller;
import com.example.shop.account.Role;
import com.example.shop.common.BusinessMetrics;
import com.example.shop.common.RateLimiter;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import com.example.shop.common.ProblemException;
import com.example.shop.common.Responses;
import com.example.shop.common.Versions;
import com.example.shop.order.Order;
import com.example.shop.order.OrderStatus;
import com.example.shop.order.service.OrderService;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP mapping of order placement and the order lifecycle. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
public class OrderResource {

    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final OrderService service;
    private final BusinessMetrics metrics;
    private final RateLimiter limiter;
    private final SecurityIdentity identity;

    public OrderResource(OrderService service, BusinessMetrics metrics, RateLimiter limiter, SecurityIdentity identity) {
        this.service = service;
        this.metrics = metrics;
        this.limiter = limiter;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.CUSTOMER, Role.STAFF})
    @Operation(summary = "Place an order",
            description = "All or nothing in one transaction: stock is reserved for every line or for none. Prices "
                    + "come from the catalog (salePrice when set), never from the client; the same product twice "
                    + "is merged; lines are listed by product id; itemCount is the number of units. Not enough stock → 409 insufficient-stock with "
                    + "`lines` [{productId, requested, available}]; unknown customer, unknown or inactive product → "
                    + "422. Optional Idempotency-Key (1–255 characters, kept 7 days): the same key and body answer "
                    + "the same order again (201, header Idempotent-Replayed: true), also for concurrent "
                    + "duplicates; the same key with another body → 422 idempotency-key-reuse. A customer orders for "
                    + "itself (customerId may be left out; another customer's id → 403); staff order for any customer. "
                    + "Rate-limited per caller (429 with Retry-After).")
    public Uni<RestResponse<OrderResponse>> place(@RestHeader("Idempotency-Key") String idempotencyKey,
                                                  @Valid @NotNull PlaceOrderRequest request) {
        checkKey(idempotencyKey);
        Caller caller = Caller.of(identity);
        limiter.checkOrder(identity.getPrincipal().getName());
        return service.place(request, idempotencyKey, caller)
                .invoke(placement -> metrics.orderPlaced(placement.replayed()))
                .onFailure().invoke(metrics::orderFailed)
                .map(placement -> {
            Order order = placement.order();
            RestResponse<OrderResponse> created = Responses.created("/api/orders/" + order.id,
                    OrderResponse.from(order), order.version);
            if (placement.replayed()) {
                return RestResponse.ResponseBuilder.fromResponse(created).header(REPLAYED_HEADER, "true").build();
            }
            return created;
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.CUSTOMER, Role.STAFF})
    @Operation(summary = "Get an order with its lines", description = "The owner or staff; another customer's order "
            + "is a 404. The ETag header carries the version.")
    public Uni<RestResponse<OrderResponse>> get(@RestPath long id) {
        return service.get(id, Caller.of(identity)).map(OrderResource::ok);
    }

    @POST
    @Path("{id}/pay")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Mark an order paid", description = "PENDING → PAID; any other status → 409 illegal-transition. "
            + "Optional If-Match (412 on mismatch).")
    public Uni<RestResponse<OrderResponse>> pay(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        return service.move(id, OrderStatus.PAID, ifMatch, Caller.of(identity)).map(OrderResource::ok);
    }

    @POST
    @Path("{id}/ship")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Mark an order shipped", description = "PAID → SHIPPED; any other status → 409 illegal-transition.")
    public Uni<RestResponse<OrderResponse>> ship(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        return service.move(id, OrderStatus.SHIPPED, ifMatch, Caller.of(identity)).map(OrderResource::ok);
    }

    @POST
    @Path("{id}/deliver")
    @RolesAllowed(Role.STAFF)
    @Operation(summary = "Mark an order delivered", description = "SHIPPED → DELIVERED; any other status → 409 illegal-transition.")
    public Uni<RestResponse<OrderResponse>> deliver(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        return service.move(id, OrderStatus.DELIVERED, ifMatch, Caller.of(identity)).map(OrderResource::ok);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Role.CUSTOMER, Role.STAFF})
    @Operation(summary = "Cancel an order",
            description = "PENDING or PAID → CANCELLED, giving every line's stock back in the same transaction, exactly "
                    + "once even when cancels race; any other status → 409 illegal-transition. The owner or staff.")
    public Uni<RestResponse<OrderResponse>> cancel(@RestPath long id, @RestHeader("If-Match") String ifMatch) {
        return service.move(id, OrderStatus.CANCELLED, ifMatch, Caller.of(identity)).map(OrderResource::ok);
    }

    static RestResponse<OrderResponse> ok(Order order) {
        return Responses.ok(OrderResponse.from(order), order.version);
    }

    private static void checkKey(String key) {
        if (key != null && (key.isEmpty() || key.length() > MAX_KEY_LENGTH)) {
            throw ProblemException.badRequest("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }
}
