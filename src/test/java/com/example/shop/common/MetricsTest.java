package com.example.shop.common;

import com.example.shop.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.example.shop.support.OrderRequests.body;
import static com.example.shop.support.OrderRequests.place;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class MetricsTest {

    private static double counter(String name) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.E+-]+)$").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(2)) : 0;
    }

    @Test
    void shouldCountOrdersReplaysRejectionsAndReviews() {
        long product = Fixtures.product(Fixtures.category(null), "1.00", 1);
        long customer = Fixtures.customer();
        double placed = counter("shop_orders_placed_total");
        double replays = counter("shop_orders_idempotent_replays_total");
        double rejected = counter("shop_orders_rejected_total");
        double reviews = counter("shop_reviews_created_total");

        String key = Fixtures.unique("metrics");
        place(body(customer, product, 1), key).then().statusCode(201);
        place(body(customer, product, 1), key).then().statusCode(201);
        place(body(customer, product, 1)).then().statusCode(409);
        Fixtures.as(customer).contentType(ContentType.JSON).body(Map.of("customerId", customer, "rating", 5))
                .when().post("/api/products/" + product + "/reviews").then().statusCode(201);

        assertEquals(placed + 1, counter("shop_orders_placed_total"));
        assertEquals(replays + 1, counter("shop_orders_idempotent_replays_total"));
        assertEquals(rejected + 1, counter("shop_orders_rejected_total"));
        assertEquals(reviews + 1, counter("shop_reviews_created_total"));
    }

    @Test
    void shouldExposeHttpAndPoolMetricsInPrometheusFormat() {
        given().when().get("/api/categories").then().statusCode(200);
        given().accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/categories\""))
                .body(containsString("sql_pool_active"))
                .body(containsString("sql_pool_queue_delay_seconds"));
    }
}
