package com.example.shop.order;

import com.example.shop.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static com.example.shop.support.OrderRequests.body;
import static com.example.shop.support.OrderRequests.place;
import static com.example.shop.support.OrderRequests.stockOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OrderFailureTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswer503QuicklyAndWriteNothingWhenTheDatabaseStallsMidTransaction() throws Exception {
        long category = Fixtures.category(null);
        long free = Fixtures.product(category, "1.00", 10);
        long stuck = Fixtures.product(category, "1.00", 10);
        long customer = Fixtures.customer();
        String key = Fixtures.unique("key");

        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT id FROM product WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, stuck);
                lock.executeQuery().close();
            }
            long started = System.nanoTime();
            Response stalled = place(body(customer, free, 2, stuck, 1), key);
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertEquals(503, stalled.statusCode(), stalled.asString());
            assertEquals("https://shop.example/problems/unavailable", stalled.jsonPath().getString("type"));
            assertTrue(millis < 9_000, "answered after " + millis + " ms");
            blocker.rollback();
        }
        assertEquals(10, stockOf(free), "the line that was not blocked was not reserved either");
        assertEquals(10, stockOf(stuck));
        assertNull(storedKey(key), "the idempotency key was rolled back with the order");

        Response retried = place(body(customer, free, 2, stuck, 1), key);
        retried.then().statusCode(201).header("Idempotent-Replayed", equalTo(null));
        assertEquals(8, stockOf(free));
    }

    private String storedKey(String key) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT key FROM idempotency_key WHERE key LIKE ('%:' || ?)")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
