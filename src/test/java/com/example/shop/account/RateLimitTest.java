package com.example.shop.account;

import com.example.shop.support.Fixtures;
import com.example.shop.support.StaffByDefault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.example.shop.support.OrderRequests.body;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Small limits and a 4-second window, so the limits trigger and recover within the test. Calls go on
 * until the limit answers (a slow machine may cross a window boundary once), at most a few more times.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
class RateLimitTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shop.rate-limit.login", "3", "shop.rate-limit.orders", "3", "shop.rate-limit.period", "PT4S");
        }
    }

    private static int login(String email) {
        return given().header(StaffByDefault.ANONYMOUS, "true").contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "wrong-password"))
                .when().post("/api/auth/login").statusCode();
    }

    private static io.restassured.response.Response loginResponse(String email) {
        return given().header(StaffByDefault.ANONYMOUS, "true").contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "wrong-password"))
                .when().post("/api/auth/login");
    }

    @Test
    void shouldLimitLoginAttemptsAndRecover() throws InterruptedException {
        String email = Fixtures.unique("rl") + "@example.com";
        io.restassured.response.Response last = loginResponse(email);
        for (int i = 0; i < 10 && last.statusCode() != 429; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(401, last.statusCode());
            last = loginResponse(email);
        }
        last.then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://shop.example/problems/rate-limited"));
        Thread.sleep(4_100);
        org.junit.jupiter.api.Assertions.assertEquals(401, login(email));
    }

    @Test
    void shouldLimitOrderPlacementPerCaller() throws InterruptedException {
        long product = Fixtures.product(Fixtures.category(null), "1.00", 100);
        long customer = Fixtures.customer();
        Fixtures.as(customer);
        io.restassured.response.Response last = Fixtures.as(customer).contentType(ContentType.JSON)
                .body(body(customer, product, 1)).when().post("/api/orders");
        for (int i = 0; i < 10 && last.statusCode() != 429; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(201, last.statusCode());
            last = Fixtures.as(customer).contentType(ContentType.JSON).body(body(customer, product, 1))
                    .when().post("/api/orders");
        }
        last.then().statusCode(429).header("Retry-After", notNullValue());
        Thread.sleep(4_100);
        Fixtures.as(customer).contentType(ContentType.JSON).body(body(customer, product, 1))
                .when().post("/api/orders").then().statusCode(201);
    }
}
