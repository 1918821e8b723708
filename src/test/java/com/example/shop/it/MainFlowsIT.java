package com.example.shop.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** The main flows against the packaged application (JAR, or native binary with -Dnative) on an external PostgreSQL. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ExternalPostgres.class, restrictToAnnotatedClass = true)
class MainFlowsIT {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/auth/login").then().statusCode(200).extract().jsonPath().getString("accessToken");
    }

    private static String staff() {
        return "Bearer " + login(ExternalPostgres.STAFF_EMAIL, ExternalPostgres.STAFF_PASSWORD);
    }

    private static long create(String path, Object body) {
        return given().header("Authorization", staff()).contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void shouldMigrateTheDatabaseAndBeReady() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/started").then().statusCode(200);
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/orders'.post.summary", equalTo("Place an order"));
        given().accept("text/plain").when().get("/q/metrics").then().statusCode(200)
                .body(containsString("shop_orders_placed_total"));
    }

    @Test
    void shouldSellReviewAndReport() {
        long category = create("/api/categories", Map.of("name", unique("Tea")));
        long product = create("/api/products", Map.of("sku", unique("T"), "name", unique("Green tea"),
                "price", "4.50", "salePrice", "3.90", "stock", 5, "categoryId", category));
        String email = unique("it") + "@example.com";
        long customer = create("/api/customers", Map.of("email", email,
                "firstName", "Iris", "lastName", "Test", "password", "iris-password"));
        String iris = "Bearer " + login(email, "iris-password");

        given().queryParam("category", category).when().get("/api/products")
                .then().statusCode(200).body("items.id", hasItem((int) product));

        long order = given().header("Authorization", iris).contentType(ContentType.JSON).header("Idempotency-Key", unique("k"))
                .body(Map.of("items", List.of(Map.of("productId", product, "quantity", 2))))
                .when().post("/api/orders")
                .then().statusCode(201).body("total", equalTo(7.80f)).body("items", hasSize(1))
                .extract().jsonPath().getLong("id");
        given().header("Authorization", iris).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("productId", product, "quantity", 4))))
                .when().post("/api/orders")
                .then().statusCode(409).contentType("application/problem+json")
                .body("lines[0].available", equalTo(3));
        given().header("Authorization", iris).when().post("/api/orders/" + order + "/pay").then().statusCode(403);
        given().header("Authorization", staff()).when().post("/api/orders/" + order + "/pay").then().statusCode(200).body("status", equalTo("PAID"));

        given().header("Authorization", iris).contentType(ContentType.JSON).body(Map.of("rating", 4))
                .when().post("/api/products/" + product + "/reviews").then().statusCode(201);
        given().when().get("/api/products/" + product)
                .then().statusCode(200).body("stock", equalTo(3)).body("averageRating", equalTo(4.0f));

        given().when().get("/api/reports/best-sellers").then().statusCode(401);
        given().header("Authorization", staff()).when().get("/api/reports/best-sellers").then().statusCode(200)
                .body("productId", hasItem((int) product));
        given().header("Authorization", staff()).when().get("/api/reports/top-customers").then().statusCode(200)
                .body("customerId", hasItem((int) customer));
        given().header("Authorization", iris).when().get("/api/customers/" + customer + "/orders").then().statusCode(200)
                .body("items.id", hasItem((int) order));
    }

    @Test
    void shouldAnswerProblemsWithoutInternals() {
        given().contentType(ContentType.JSON).body("{oops").when().post("/api/customers")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", staff()).when().get("/api/orders/999999999")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/orders/999999999").then().statusCode(401).contentType("application/problem+json");
    }
}
