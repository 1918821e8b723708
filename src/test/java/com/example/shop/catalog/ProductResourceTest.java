package com.example.shop.catalog;

import com.example.shop.support.Fixtures;
import com.example.shop.support.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.example.shop.support.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ProductResourceTest {

    @Inject
    DataSource dataSource;

    private static Map<String, Object> product(long categoryId) {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", unique("SKU"));
        body.put("name", unique("Lamp"));
        body.put("price", 19.9);
        body.put("salePrice", 15);
        body.put("stock", 7);
        body.put("reorderLevel", 2);
        body.put("categoryId", categoryId);
        return body;
    }

    @Test
    void shouldCreateProductIgnoringReadOnlyFields() {
        long category = Fixtures.category(null);
        Map<String, Object> body = product(category);
        body.put("averageRating", 4.9);
        body.put("reviewCount", 99);
        body.put("version", 42);
        body.put("createdAt", "2000-01-01T00:00:00Z");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/products")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/products/\\d+$"))
                .header("ETag", equalTo("\"0\""))
                .body("sku", equalTo(body.get("sku")))
                .body("slug", equalTo((body.get("name") + "-" + body.get("sku")).toLowerCase()))
                .body("price", equalTo(19.90f))
                .body("salePrice", equalTo(15.00f))
                .body("stock", equalTo(7))
                .body("reorderLevel", equalTo(2))
                .body("active", equalTo(true))
                .body("categoryId", equalTo((int) category))
                .body("averageRating", nullValue())
                .body("reviewCount", equalTo(0))
                .body("version", equalTo(0))
                .body("createdAt", matchesPattern("20[2-9]\\d-.*Z"))
                .body("updatedAt", notNullValue());
    }

    @Test
    void shouldSendMoneyWithExactlyTwoDecimals() {
        long id = Fixtures.create("/api/products", product(Fixtures.category(null)));
        String json = given().when().get("/api/products/" + id).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"price\":19.90"), json);
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"salePrice\":15.00"), json);
    }

    @Test
    void shouldRejectInvalidProducts() {
        long category = Fixtures.category(null);
        Map<String, Object> body = product(category);
        body.put("price", -1);
        body.put("stock", -5);
        body.put("sku", "");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/validation"))
                .body("errors.field", hasItem("price"))
                .body("errors.field", hasItem("stock"))
                .body("errors.field", hasItem("sku"));

        Map<String, Object> salePriceTooHigh = product(category);
        salePriceTooHigh.put("salePrice", 19.9);
        given().contentType(ContentType.JSON).body(salePriceTooHigh)
                .when().post("/api/products")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("salePrice"));

        Map<String, Object> tooManyDecimals = product(category);
        tooManyDecimals.put("price", 1.999);
        given().contentType(ContentType.JSON).body(tooManyDecimals)
                .when().post("/api/products")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("price"));
    }

    @Test
    void shouldRejectUnknownCategoryWith422() {
        given().contentType(ContentType.JSON).body(product(999_999_999L))
                .when().post("/api/products")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/unprocessable"))
                .body("errors[0].field", equalTo("categoryId"));
    }

    @Test
    void shouldRejectDuplicateSku() {
        long category = Fixtures.category(null);
        Map<String, Object> first = product(category);
        Fixtures.create("/api/products", first);
        Map<String, Object> second = product(category);
        second.put("sku", first.get("sku"));
        given().contentType(ContentType.JSON).body(second)
                .when().post("/api/products")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("sku"));
    }

    @Test
    void shouldUpdateWithIfMatchAndRejectStaleVersions() {
        long category = Fixtures.category(null);
        Map<String, Object> body = product(category);
        long id = Fixtures.create("/api/products", body);
        body.put("name", "Renamed lamp");
        body.put("price", 30);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/products/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("Renamed lamp"))
                .body("price", equalTo(30.00f))
                .body("version", equalTo(1));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/products/" + id)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/precondition-failed"));
        body.put("version", 0);
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/products/" + id)
                .then().statusCode(409)
                .body("type", equalTo("https://shop.example/problems/conflict"));
        body.put("version", 1);
        body.put("name", "Lamp, third edition");
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/products/" + id)
                .then().statusCode(200)
                .body("name", equalTo("Lamp, third edition"))
                .body("version", equalTo(2));
        // an update that changes nothing writes nothing and keeps the version
        body.put("version", 2);
        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/products/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void shouldLetOnlyOneOfConcurrentUpdatesOfTheSameVersionWin() {
        Map<String, Object> body = product(Fixtures.category(null));
        long id = Fixtures.create("/api/products", body);
        List<Integer> statuses = com.example.shop.support.Concurrently.run(8, 8, i -> {
            Map<String, Object> edit = new HashMap<>(body);
            edit.put("name", "Edit " + i);
            edit.put("version", 0);
            return given().contentType(ContentType.JSON).body(edit).when().put("/api/products/" + id).statusCode();
        });
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "winners: " + statuses);
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), "losers: " + statuses);
        given().when().get("/api/products/" + id).then().body("version", equalTo(1));
    }

    @Test
    void shouldAnswer404ForUnknownProduct() {
        given().when().get("/api/products/999999999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/not-found"));
        given().contentType(ContentType.JSON).body(product(Fixtures.category(null)))
                .when().put("/api/products/999999999").then().statusCode(404);
        given().when().delete("/api/products/999999999").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("delta", 1))
                .when().post("/api/products/999999999/stock").then().statusCode(404);
    }

    @Test
    void shouldBlockDeleteWhileOrdersReferenceIt() {
        long product = Fixtures.product(Fixtures.category(null), "2.00", 3);
        Orders.insert(dataSource, Fixtures.customer(), product);
        given().when().delete("/api/products/" + product)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("Orders reference the product; deactivate it instead (active=false)"));
        given().when().get("/api/products/" + product).then().statusCode(200);
    }

    @Test
    void shouldAdjustStockAndRefuseGoingNegative() {
        long id = Fixtures.product(Fixtures.category(null), "2.00", 3);
        given().contentType(ContentType.JSON).body(Map.of("delta", 4))
                .when().post("/api/products/" + id + "/stock")
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("stock", equalTo(7));
        given().contentType(ContentType.JSON).body(Map.of("delta", -8))
                .when().post("/api/products/" + id + "/stock")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/conflict"));
        given().contentType(ContentType.JSON).body(Map.of("delta", -7))
                .when().post("/api/products/" + id + "/stock")
                .then().statusCode(200)
                .body("stock", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/products/" + id + "/stock")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("delta"));

        long full = Fixtures.product(Fixtures.category(null), "1.00", Integer.MAX_VALUE);
        given().contentType(ContentType.JSON).body(Map.of("delta", 1))
                .when().post("/api/products/" + full + "/stock")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldNotLoseConcurrentStockAdjustments() throws Exception {
        long id = Fixtures.product(Fixtures.category(null), "2.00", 10);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> given().contentType(ContentType.JSON).body(Map.of("delta", 1))
                        .when().post("/api/products/" + id + "/stock")
                        .then().extract().statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdown();
        }
        given().when().get("/api/products/" + id)
                .then().body("stock", equalTo(60))
                .body("version", equalTo(50));
    }

    @Test
    void shouldCreateAllProductsOrNone() {
        long category = Fixtures.category(null);
        List<Map<String, Object>> batch = List.of(product(category), product(category), product(category));
        given().contentType(ContentType.JSON).body(batch)
                .when().post("/api/products/bulk")
                .then().statusCode(201)
                .body("items", hasSize(3))
                .body("items[2].sku", equalTo(batch.get(2).get("sku")));

        Map<String, Object> bad = product(category);
        bad.put("categoryId", 999_999_999);
        List<Map<String, Object>> failing = List.of(product(category), bad);
        given().contentType(ContentType.JSON).body(failing)
                .when().post("/api/products/bulk")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("[1].categoryId"));

        Map<String, Object> duplicate = product(category);
        duplicate.put("sku", batch.get(0).get("sku"));
        List<Map<String, Object>> clashing = List.of(product(category), duplicate);
        given().contentType(ContentType.JSON).body(clashing)
                .when().post("/api/products/bulk")
                .then().statusCode(409);

        Map<String, Object> invalid = product(category);
        invalid.put("price", -3);
        given().contentType(ContentType.JSON).body(List.of(product(category), invalid))
                .when().post("/api/products/bulk")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("[1].price"));

        given().queryParam("category", category).queryParam("limit", 100)
                .when().get("/api/products")
                .then().statusCode(200)
                .body("items", hasSize(3));
        given().contentType(ContentType.JSON).body(List.of())
                .when().post("/api/products/bulk")
                .then().statusCode(400);
    }
}
