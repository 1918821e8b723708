package com.example.shop.order;

import com.example.shop.order.service.IdempotencyKeyPurge;
import com.example.shop.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static com.example.shop.support.OrderRequests.body;
import static com.example.shop.support.OrderRequests.place;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class IdempotencyKeyPurgeTest {

    @Inject
    IdempotencyKeyPurge purge;

    @Inject
    DataSource dataSource;

    private int keys(String key) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM idempotency_key WHERE key LIKE ('%:' || ?)")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void shouldForgetKeysOlderThanTheRetentionOnly() throws Throwable {
        long product = Fixtures.product(Fixtures.category(null), "1.00", 10);
        long customer = Fixtures.customer();
        String old = Fixtures.unique("old");
        String recent = Fixtures.unique("recent");
        place(body(customer, product, 1), old).then().statusCode(201);
        place(body(customer, product, 1), recent).then().statusCode(201);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement age = connection.prepareStatement(
                     "UPDATE idempotency_key SET created_at = now() - interval '8 days' WHERE key LIKE ('%:' || ?)")) {
            age.setString(1, old);
            age.executeUpdate();
        }

        VertxContextSupport.subscribeAndAwait(() -> purge.purge());

        assertEquals(0, keys(old));
        assertEquals(1, keys(recent));
        // a forgotten key places a new order again
        place(body(customer, product, 1), old).then().statusCode(201);
    }
}
