package com.example.shop.order;

import com.example.shop.support.Fixtures;
import com.example.shop.support.SqlStatements;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.example.shop.support.OrderRequests.body;
import static com.example.shop.support.OrderRequests.place;
import static com.example.shop.support.OrderRequests.stockOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class OrderPlacementTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    private static long productOnSale(long category, String price, String salePrice, int stock) {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", Fixtures.unique("SKU"));
        body.put("name", Fixtures.unique("Item"));
        body.put("price", price);
        body.put("salePrice", salePrice);
        body.put("stock", stock);
        body.put("categoryId", category);
        return Fixtures.create("/api/products", body);
    }

    @Test
    void shouldPlaceOrderWithDatabasePricesAndExactTotals() {
        long category = Fixtures.category(null);
        long plain = Fixtures.product(category, "19.99", 10);
        long onSale = productOnSale(category, "10.00", "3.33", 10);
        long customer = Fixtures.customer();
        Map<String, Object> request = new HashMap<>(Map.of("customerId", customer, "items", List.of(
                Map.of("productId", plain, "quantity", 3, "unitPrice", 0.01),
                Map.of("productId", onSale, "quantity", 7))));
        request.put("total", 1);

        JsonPath order = given().contentType(ContentType.JSON).body(request)
                .when().post("/api/orders")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/orders/\\d+$"))
                .header("ETag", equalTo("\"0\""))
                .body("number", matchesPattern("SO-\\d{6,}"))
                .body("customerId", equalTo((int) customer))
                .body("status", equalTo("PENDING"))
                .body("items", hasSize(2))
                .body("items.productId", contains((int) plain, (int) onSale))
                .body("items[0].unitPrice", equalTo(19.99f))
                .body("items[0].lineTotal", equalTo(59.97f))
                .body("items[1].unitPrice", equalTo(3.33f))
                .body("items[1].lineTotal", equalTo(23.31f))
                .body("itemCount", equalTo(10))
                .body("total", equalTo(83.28f))
                .extract().jsonPath();
        assertEquals(7, stockOf(plain));
        assertEquals(3, stockOf(onSale));

        String json = given().when().get("/api/orders/" + order.getLong("id"))
                .then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("items[1].sku", equalTo(order.getString("items[1].sku")))
                .body("createdAt", equalTo(order.getString("createdAt")))
                .extract().asString();
        assertTrue(json.contains("\"total\":83.28"), json);
        assertTrue(json.contains("\"unitPrice\":3.33"), json);
    }

    @Test
    void shouldMergeTheSameProductNamedTwice() {
        long product = Fixtures.product(Fixtures.category(null), "2.50", 10);
        place(body(Fixtures.customer(), product, 2, product, 3))
                .then().statusCode(201)
                .body("items", hasSize(1))
                .body("items[0].quantity", equalTo(5))
                .body("total", equalTo(12.50f));
        assertEquals(5, stockOf(product));
    }

    @Test
    void shouldRefuseShortStockWithPerLineDetailAndChangeNothing() {
        long category = Fixtures.category(null);
        long plenty = Fixtures.product(category, "1.00", 10);
        long scarce = Fixtures.product(category, "1.00", 2);
        place(body(Fixtures.customer(), plenty, 4, scarce, 3))
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/insufficient-stock"))
                .body("lines", hasSize(1))
                .body("lines[0].productId", equalTo((int) scarce))
                .body("lines[0].requested", equalTo(3))
                .body("lines[0].available", equalTo(2));
        assertEquals(10, stockOf(plenty));
        assertEquals(2, stockOf(scarce));
    }

    @Test
    void shouldAnswer422ForUnknownCustomerOrUnknownOrInactiveProduct() {
        long category = Fixtures.category(null);
        long product = Fixtures.product(category, "1.00", 5);
        long customer = Fixtures.customer();
        place(body(999_999_999L, product, 1))
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/unprocessable"))
                .body("errors[0].field", equalTo("customerId"));
        place(body(customer, product, 1, 999_999_999L, 1))
                .then().statusCode(422)
                .body("errors[0].field", equalTo("items[1].productId"));
        Map<String, Object> inactive = new HashMap<>(Map.of("sku", Fixtures.unique("S"), "name", "Off",
                "price", "1.00", "stock", 5, "active", false, "categoryId", category));
        long off = Fixtures.create("/api/products", inactive);
        place(body(customer, off, 1))
                .then().statusCode(422)
                .body("errors[0].field", equalTo("items[0].productId"));
        assertEquals(5, stockOf(product));
        assertEquals(5, stockOf(off));
    }

    @Test
    void shouldAnswer400ForBadQuantitiesAndItemLists() {
        long product = Fixtures.product(Fixtures.category(null), "1.00", 5);
        long customer = Fixtures.customer();
        place(body(customer, product, 0)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/validation"))
                .body("errors[0].field", equalTo("items[0].quantity"));
        place(body(customer, product, 1001)).then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].quantity"));
        given().contentType(ContentType.JSON).body(Map.of("customerId", customer))
                .when().post("/api/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("items"));
        given().contentType(ContentType.JSON).body(Map.of("customerId", customer, "items", List.of()))
                .when().post("/api/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("items"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(Map.of("productId", product, "quantity", 1));
        }
        given().contentType(ContentType.JSON).body(Map.of("customerId", customer, "items", tooMany))
                .when().post("/api/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("items"));
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(Map.of("productId", product, "quantity", 1))))
                .when().post("/api/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("customerId"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "x".repeat(256)).body(body(customer, product, 1))
                .when().post("/api/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(5, stockOf(product));
    }

    @Test
    void shouldRefuseAnOrderWhoseTotalCannotBeStored() {
        long expensive = Fixtures.product(Fixtures.category(null), "9999999999.99", 5);
        place(body(Fixtures.customer(), expensive, 2))
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("items"));
        assertEquals(5, stockOf(expensive));
    }

    @Test
    void shouldKeepOrderNumbersWholePastAMillion() throws Exception {
        long product = Fixtures.product(Fixtures.category(null), "1.00", 10);
        long customer = Fixtures.customer();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SELECT setval('order_number_seq', greatest(999999, (SELECT last_value FROM order_number_seq)))");
        }
        String first = place(body(customer, product, 1)).then().statusCode(201).extract().jsonPath().getString("number");
        String second = place(body(customer, product, 1)).then().statusCode(201).extract().jsonPath().getString("number");
        assertTrue(first.matches("SO-\\d{7,}"), first);
        assertTrue(!first.equals(second), first + " " + second);
    }

    @Test
    void shouldAnswer404ForUnknownOrder() {
        given().when().get("/api/orders/999999999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/not-found"));
    }

    @Test
    void shouldPlaceAnOrderInAFixedNumberOfStatementsWhateverItsSize() {
        long category = Fixtures.category(null);
        long customer = Fixtures.customer();
        List<Long> products = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            products.add(Fixtures.product(category, "1.00", 100));
        }
        List<String> one = SqlStatements.during(() -> place(body(customer, products.get(0), 1)).then().statusCode(201));
        long[] twentyLines = new long[40];
        for (int i = 0; i < 20; i++) {
            twentyLines[2 * i] = products.get(i);
            twentyLines[2 * i + 1] = 2;
        }
        List<String> twenty = SqlStatements.during(() -> place(body(customer, twentyLines))
                .then().statusCode(201).body("items", hasSize(20)));
        List<String> keyed = SqlStatements.during(() -> place(body(customer, twentyLines), Fixtures.unique("k"))
                .then().statusCode(201));
        assertEquals(2, one.size(), "1-item order: " + one);
        assertEquals(2, twenty.size(), "20-item order: " + twenty);
        assertEquals(3, keyed.size(), "20-item order with Idempotency-Key: " + keyed);

        long orderId = place(body(customer, twentyLines)).then().statusCode(201).extract().jsonPath().getLong("id");
        List<String> read = SqlStatements.during(() -> given().when().get("/api/orders/" + orderId)
                .then().statusCode(200).body("items", hasSize(20)));
        assertEquals(1, read.size(), "order with 20 lines read: " + read);
    }
}
