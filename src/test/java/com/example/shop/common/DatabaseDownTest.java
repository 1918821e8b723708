package com.example.shop.common;

import com.example.shop.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The requests' reactive pool points at a port where no database listens (Flyway still migrates the real one). */
@QuarkusTest
@TestProfile(DatabaseDownTest.DeadDatabase.class)
class DatabaseDownTest {

    public static class DeadDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/postgres");
        }
    }

    @Test
    void shouldAnswer503ProblemWhenTheDatabaseIsUnreachable() {
        Fixtures.anonymous().when().get("/api/products")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/unavailable"))
                .body(not(containsString("Connection refused")));
    }

    @Test
    void shouldReportNotReadyButLive() {
        Fixtures.anonymous().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        Fixtures.anonymous().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
