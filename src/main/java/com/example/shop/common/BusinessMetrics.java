package com.example.shop.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Business counters at /q/metrics (shop_orders_placed_total, ...), registered at start so they read 0
 * before the first order. Resources record outcomes after the service's transaction has committed, so a
 * rolled-back order is never counted as placed.
 */
@Startup
@ApplicationScoped
public class BusinessMetrics {

    private final Counter ordersPlaced;
    private final Counter ordersRejectedForStock;
    private final Counter idempotentReplays;
    private final Counter reviewsCreated;

    public BusinessMetrics(MeterRegistry registry) {
        ordersPlaced = Counter.builder("shop.orders.placed").description("Orders placed").register(registry);
        ordersRejectedForStock = Counter.builder("shop.orders.rejected")
                .description("Orders refused for insufficient stock").tag("reason", "insufficient-stock")
                .register(registry);
        idempotentReplays = Counter.builder("shop.orders.idempotent.replays")
                .description("POST /api/orders answered by replaying an earlier order").register(registry);
        reviewsCreated = Counter.builder("shop.reviews.created").description("Reviews written").register(registry);
    }

    public void orderPlaced(boolean replayed) {
        (replayed ? idempotentReplays : ordersPlaced).increment();
    }

    /** Counts the failure if it is an insufficient-stock refusal. */
    public void orderFailed(Throwable failure) {
        if (failure instanceof ProblemException problem && "insufficient-stock".equals(problem.type())) {
            ordersRejectedForStock.increment();
        }
    }

    public void reviewCreated() {
        reviewsCreated.increment();
    }
}
