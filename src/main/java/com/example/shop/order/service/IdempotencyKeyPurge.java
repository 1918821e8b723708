package com.example.shop.order.service;

import com.example.shop.order.repository.OrderRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Forgets idempotency keys once they are older than the retention (7 days by default), every hour. */
@ApplicationScoped
public class IdempotencyKeyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyKeyPurge.class);

    private final OrderRepository orders;
    private final Duration retention;

    public IdempotencyKeyPurge(OrderRepository orders,
                               @ConfigProperty(name = "shop.idempotency.retention", defaultValue = "P7D")
                               Duration retention) {
        this.orders = orders;
        this.retention = retention;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WithTransaction
    public Uni<Void> purge() {
        return orders.purgeKeysBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(retention))
                .invoke(purged -> LOG.debugf("Purged %d idempotency keys", purged))
                .replaceWithVoid();
    }
}
