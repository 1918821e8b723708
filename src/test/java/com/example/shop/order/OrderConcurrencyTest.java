package com.example.shop.order;

import com.example.shop.support.Concurrently;
import com.example.shop.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.example.shop.support.OrderRequests.body;
import static com.example.shop.support.OrderRequests.place;
import static com.example.shop.support.OrderRequests.stockOf;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OrderConcurrencyTest {

    private record Outcome(int status, String body) {
        static Outcome of(Response response) {
            return new Outcome(response.statusCode(), response.asString());
        }
    }

    private static long countStatus(List<Outcome> outcomes, int status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    @Test
    void shouldNeverOversellUnderConcurrentOrders() {
        long product = Fixtures.product(Fixtures.category(null), "1.00", 50);
        long customer = Fixtures.customer();
        List<Outcome> outcomes = Concurrently.run(200, 40, i -> Outcome.of(place(body(customer, product, 1))));

        assertEquals(50, countStatus(outcomes, 201), "orders placed");
        assertEquals(150, countStatus(outcomes, 409), "orders refused");
        outcomes.stream().filter(o -> o.status() == 409)
                .forEach(o -> assertTrue(o.body().contains("insufficient-stock"), o.body()));
        assertEquals(0, stockOf(product));
        int unitsOrdered = given().queryParam("limit", 100).when().get("/api/customers/" + customer + "/orders")
                .then().statusCode(200).extract().jsonPath().getList("items.itemCount", Integer.class)
                .stream().mapToInt(Integer::intValue).sum();
        assertEquals(50, unitsOrdered, "stock + units ordered is conserved");
    }

    @Test
    void shouldNotDeadlockWhenOrdersNameTheSameProductsInOppositeOrders() {
        long category = Fixtures.category(null);
        long a = Fixtures.product(category, "1.00", 1000);
        long b = Fixtures.product(category, "1.00", 1000);
        long c = Fixtures.product(category, "1.00", 1000);
        long customer = Fixtures.customer();
        List<Outcome> outcomes = Concurrently.run(60, 30, i -> Outcome.of(place(i % 2 == 0
                ? body(customer, a, 1, b, 2, c, 3)
                : body(customer, c, 3, b, 2, a, 1))));

        outcomes.forEach(o -> assertEquals(201, o.status(), o.body()));
        assertEquals(1000 - 60, stockOf(a));
        assertEquals(1000 - 120, stockOf(b));
        assertEquals(1000 - 180, stockOf(c));
    }

    @Test
    void shouldPlaceOneOrderForConcurrentDuplicatesOfAnIdempotencyKey() {
        long product = Fixtures.product(Fixtures.category(null), "4.00", 100);
        long customer = Fixtures.customer();
        String key = Fixtures.unique("key");
        List<Response> responses = Concurrently.run(20, 20, i -> place(body(customer, product, 2), key));

        Set<Long> ids = new HashSet<>();
        Set<String> bodies = new HashSet<>();
        int replays = 0;
        for (Response response : responses) {
            assertEquals(201, response.statusCode(), response.asString());
            ids.add(response.jsonPath().getLong("id"));
            bodies.add(response.asString());
            if ("true".equals(response.header("Idempotent-Replayed"))) {
                replays++;
            }
        }
        assertEquals(1, ids.size(), "one order for one key");
        assertEquals(1, bodies.size(), "every caller gets the same answer");
        assertEquals(19, replays);
        assertEquals(98, stockOf(product));
    }

    @Test
    void shouldReplayAKeyAndRefuseItWithAnotherBody() {
        long product = Fixtures.product(Fixtures.category(null), "4.00", 100);
        long customer = Fixtures.customer();
        String key = Fixtures.unique("key");
        Response first = place(body(customer, product, 1, product, 1), key);
        assertEquals(201, first.statusCode());
        assertEquals(null, first.header("Idempotent-Replayed"));
        // the same order written differently (lines merged) is the same request
        Response again = place(body(customer, product, 2), key);
        assertEquals(201, again.statusCode());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.jsonPath().getLong("id"), again.jsonPath().getLong("id"));

        place(body(customer, product, 3), key).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://shop.example/problems/idempotency-key-reuse"));
        assertEquals(98, stockOf(product));
    }

    @Test
    void shouldRestoreStockExactlyOnceWhenCancelsRace() {
        long product = Fixtures.product(Fixtures.category(null), "1.00", 10);
        long order = place(body(Fixtures.customer(), product, 4)).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertEquals(6, stockOf(product));

        List<Integer> statuses = Concurrently.run(10, 10,
                i -> given().when().post("/api/orders/" + order + "/cancel").statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one cancel wins: " + statuses);
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), "the others are illegal: " + statuses);
        assertEquals(10, stockOf(product));
    }

    @Test
    void shouldKeepStockConservedUnderMixedOrdersAndCancels() {
        long product = Fixtures.product(Fixtures.category(null), "1.00", 30);
        long customer = Fixtures.customer();
        List<Long> placed = Concurrently.run(20, 20, i -> place(body(customer, product, 1)))
                .stream().map(r -> r.jsonPath().getLong("id")).toList();
        List<Response> mixed = Concurrently.run(30, 20, i -> i < 10
                ? given().when().post("/api/orders/" + placed.get(i) + "/cancel")
                : place(body(customer, product, 1)));
        long cancelled = mixed.subList(0, 10).stream().filter(r -> r.statusCode() == 200).count();
        long newlyPlaced = mixed.subList(10, 30).stream().filter(r -> r.statusCode() == 201).count();
        assertEquals(10, cancelled);
        mixed.forEach(r -> assertTrue(r.statusCode() == 200 || r.statusCode() == 201 || r.statusCode() == 409,
                r.asString()));
        assertEquals(30 - 20 + cancelled - newlyPlaced, stockOf(product));
    }
}
