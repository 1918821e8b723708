package com.example.shop.common;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import java.time.Duration;

/**
 * Ready means: the database answers (through the reactive pool the requests use) and its schema is at
 * least at the Flyway version this build migrated it to at start. "At least", so that during a rolling
 * update the old pods stay ready after a new pod has applied a newer, backward-compatible migration.
 */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements AsyncHealthCheck {

    private static final String NAME = "Database schema";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Pool pool;
    private volatile String expectedVersion;

    public SchemaReadinessCheck(Pool pool) {
        this.pool = pool;
    }

    /** Runs after migrate-at-start, on the main thread, where a blocking JDBC look-up is fine. */
    void onStart(@Observes StartupEvent event, Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        expectedVersion = current == null ? null : current.getVersion().getVersion();
    }

    private boolean isAtLeastExpected(String applied) {
        return applied != null && expectedVersion != null
                && MigrationVersion.fromVersion(applied).compareTo(MigrationVersion.fromVersion(expectedVersion)) >= 0;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                        + "ORDER BY installed_rank DESC LIMIT 1")
                .execute()
                .ifNoItem().after(TIMEOUT).fail()
                .map(rows -> {
                    String applied = rows.iterator().hasNext() ? rows.iterator().next().getString("version") : null;
                    return HealthCheckResponse.named(NAME)
                            .status(isAtLeastExpected(applied))
                            .withData("expectedVersion", String.valueOf(expectedVersion))
                            .withData("appliedVersion", String.valueOf(applied))
                            .build();
                })
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("error", failure.getClass().getSimpleName())
                        .build());
    }
}
