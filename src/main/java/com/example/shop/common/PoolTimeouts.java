package com.example.shop.common;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how long a request can wait for the database, which Quarkus' reactive datasource settings don't
 * cover: connecting, and waiting for a free pooled connection. Past either, the request fails fast and is
 * answered 503 instead of hanging. (The statement timeout is a server setting, see application.properties.)
 */
@Singleton
public class PoolTimeouts implements PgPoolCreator {

    private final Duration connectTimeout;
    private final Duration acquireTimeout;

    public PoolTimeouts(@ConfigProperty(name = "shop.datasource.connect-timeout", defaultValue = "PT3S") Duration connectTimeout,
                        @ConfigProperty(name = "shop.datasource.acquire-timeout", defaultValue = "PT5S") Duration acquireTimeout) {
        this.connectTimeout = connectTimeout;
        this.acquireTimeout = acquireTimeout;
    }

    @Override
    public Pool create(Input input) {
        input.poolOptions()
                .setConnectionTimeout((int) acquireTimeout.toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        input.pgConnectOptionsList().forEach(options -> options.setConnectTimeout((int) connectTimeout.toMillis()));
        return PgBuilder.pool()
                .with(input.poolOptions())
                .connectingTo(List.<SqlConnectOptions>copyOf(input.pgConnectOptionsList()))
                .using(input.vertx())
                .build();
    }
}
