package com.example.shop.common;

import com.example.shop.support.Fixtures;
import com.example.shop.support.TcpProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The application reaches its database through a proxy the test cuts and restores: readiness must go
 * DOWN while the database is unreachable and UP again when it returns, without a restart; liveness must
 * not care.
 */
@QuarkusTest
@TestProfile(ReadinessRecoveryTest.ThroughProxy.class)
class ReadinessRecoveryTest {

    static final TcpProxy PROXY = new TcpProxy(ReadinessRecoveryTest::database);

    static {
        PROXY.start();
    }

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no staff account: nothing touches the database through the proxy while the application starts
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + PROXY.port() + "/postgres",
                    "shop.staff.email", "", "shop.staff.password", "");
        }
    }

    /** The embedded PostgreSQL, found through the JDBC URL that Flyway uses directly. */
    private static InetSocketAddress database() {
        String jdbc = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        URI uri = URI.create(jdbc.substring("jdbc:".length()));
        return new InetSocketAddress(uri.getHost(), uri.getPort());
    }

    private static void awaitReadiness(int status) {
        long deadline = System.currentTimeMillis() + 20_000;
        int last = -1;
        while (System.currentTimeMillis() < deadline) {
            last = Fixtures.anonymous().when().get("/q/health/ready").statusCode();
            if (last == status) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        fail("readiness stayed " + last + ", expected " + status);
    }

    @AfterEach
    void restoreDatabase() {
        PROXY.stop();
        PROXY.start();
    }

    @Test
    void shouldGoNotReadyWhileTheDatabaseIsGoneAndRecoverWithoutRestart() {
        awaitReadiness(200);
        Fixtures.anonymous().when().get("/api/products").then().statusCode(200);

        PROXY.stop();
        awaitReadiness(503);
        Fixtures.anonymous().when().get("/q/health/ready").then().body("status", equalTo("DOWN"));
        Fixtures.anonymous().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Fixtures.anonymous().when().get("/api/products").then().statusCode(503)
                .body("type", equalTo("https://shop.example/problems/unavailable"));

        PROXY.start();
        awaitReadiness(200);
        Fixtures.anonymous().when().get("/api/products").then().statusCode(200);
    }
}
