package com.example.shop.order;

import com.example.shop.support.Fixtures;
import com.example.shop.support.SqlStatements;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static com.example.shop.support.OrderRequests.body;
import static com.example.shop.support.OrderRequests.place;
import static com.example.shop.support.OrderRequests.stockOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OrderLifecycleTest {

    private static long newOrder(long product, int quantity) {
        return place(body(Fixtures.customer(), product, quantity)).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    @Test
    void shouldMoveThroughPayShipDeliver() {
        long product = Fixtures.product(Fixtures.category(null), "5.00", 10);
        long order = newOrder(product, 2);
        given().when().post("/api/orders/" + order + "/pay")
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("status", equalTo("PAID"))
                .body("items", hasSize(1));
        given().when().post("/api/orders/" + order + "/ship")
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("status", equalTo("SHIPPED"));
        given().when().post("/api/orders/" + order + "/deliver")
                .then().statusCode(200).header("ETag", equalTo("\"3\"")).body("status", equalTo("DELIVERED"));
        given().when().get("/api/orders/" + order)
                .then().statusCode(200).header("ETag", equalTo("\"3\"")).body("status", equalTo("DELIVERED"));
        assertEquals(8, stockOf(product));
    }

    @Test
    void shouldRefuseIllegalMoves() {
        long product = Fixtures.product(Fixtures.category(null), "5.00", 10);
        long order = newOrder(product, 1);
        for (String move : List.of("ship", "deliver")) {
            given().when().post("/api/orders/" + order + "/" + move)
                    .then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://shop.example/problems/illegal-transition"));
        }
        given().when().post("/api/orders/" + order + "/pay").then().statusCode(200);
        given().when().post("/api/orders/" + order + "/pay").then().statusCode(409)
                .body("type", equalTo("https://shop.example/problems/illegal-transition"));
        given().when().post("/api/orders/" + order + "/ship").then().statusCode(200);
        given().when().post("/api/orders/" + order + "/cancel").then().statusCode(409)
                .body("type", equalTo("https://shop.example/problems/illegal-transition"));
        assertEquals(9, stockOf(product), "a refused cancel gives nothing back");
    }

    @Test
    void shouldCancelPendingOrPaidOrdersAndGiveStockBack() {
        long category = Fixtures.category(null);
        long a = Fixtures.product(category, "1.00", 10);
        long b = Fixtures.product(category, "1.00", 10);
        long pending = place(body(Fixtures.customer(), a, 3, b, 4)).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long paid = newOrder(a, 2);
        given().when().post("/api/orders/" + paid + "/pay").then().statusCode(200);
        assertEquals(5, stockOf(a));
        assertEquals(6, stockOf(b));

        given().when().post("/api/orders/" + pending + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().when().post("/api/orders/" + paid + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertEquals(10, stockOf(a));
        assertEquals(10, stockOf(b));
        given().when().post("/api/orders/" + paid + "/cancel").then().statusCode(409);
        given().when().post("/api/orders/" + paid + "/pay").then().statusCode(409);
        assertEquals(10, stockOf(a));
    }

    @Test
    void shouldHonourIfMatchOnMoves() {
        long order = newOrder(Fixtures.product(Fixtures.category(null), "1.00", 5), 1);
        given().header("If-Match", "\"7\"").when().post("/api/orders/" + order + "/pay")
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/precondition-failed"));
        given().header("If-Match", "\"0\"").when().post("/api/orders/" + order + "/pay")
                .then().statusCode(200).body("status", equalTo("PAID"));
    }

    @Test
    void shouldAnswer404ForMovesOfUnknownOrders() {
        for (String move : List.of("pay", "ship", "deliver", "cancel")) {
            given().when().post("/api/orders/999999999/" + move)
                    .then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void shouldListACustomersOrdersNewestFirstAcrossPages() {
        long category = Fixtures.category(null);
        long product = Fixtures.product(category, "1.00", 100);
        long customer = Fixtures.customer();
        List<Long> placed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            placed.add(place(body(customer, product, i)).then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        List<Long> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            String cursor = after;
            JsonPath page = request.when().get("/api/customers/" + customer + "/orders")
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", Long.class));
            assertTrue(page.getList("items.items").stream().allMatch(items -> !((List<?>) items).isEmpty()));
            after = page.getString("next");
            if (pages++ == 0) {
                // an order placed meanwhile is newer than the cursor: it does not shift later pages
                place(body(customer, product, 1)).then().statusCode(201);
            }
            assertTrue(cursor == null || !cursor.equals(after));
        } while (after != null);
        List<Long> expected = new ArrayList<>(placed);
        java.util.Collections.reverse(expected);
        assertEquals(expected, seen);
        assertEquals(seen.size(), new HashSet<>(seen).size());
    }

    @Test
    void shouldLoadAnOrderPageInAFixedNumberOfStatements() {
        long product = Fixtures.product(Fixtures.category(null), "1.00", 100);
        long customer = Fixtures.customer();
        for (int i = 0; i < 6; i++) {
            place(body(customer, product, 1)).then().statusCode(201);
        }
        List<String> small = SqlStatements.during(() -> given().queryParam("limit", 1)
                .when().get("/api/customers/" + customer + "/orders").then().statusCode(200).body("items", hasSize(1)));
        List<String> large = SqlStatements.during(() -> given().queryParam("limit", 6)
                .when().get("/api/customers/" + customer + "/orders").then().statusCode(200).body("items", hasSize(6)));
        assertEquals(3, small.size(), "1 order: " + small);
        assertEquals(3, large.size(), "6 orders: " + large);
    }

    @Test
    void shouldAnswerErrorsOfTheCustomerOrderList() {
        given().when().get("/api/customers/999999999/orders").then().statusCode(404)
                .contentType("application/problem+json");
        long customer = Fixtures.customer();
        given().queryParam("after", "garbage").when().get("/api/customers/" + customer + "/orders")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
        String tampered = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("orders\nyesterday\n1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().queryParam("after", tampered).when().get("/api/customers/" + customer + "/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
        given().queryParam("limit", "-1").when().get("/api/customers/" + customer + "/orders")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().when().get("/api/customers/" + customer + "/orders")
                .then().statusCode(200).body("items", hasSize(0)).body("next", equalTo(null));
    }
}
