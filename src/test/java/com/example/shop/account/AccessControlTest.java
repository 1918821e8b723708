package com.example.shop.account;

import com.example.shop.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static com.example.shop.support.OrderRequests.body;
import static com.example.shop.support.OrderRequests.place;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint called as anonymous, as the owning customer, as another customer and as staff, with the
 * status each must answer (deny by default; another customer's order is a 404, not a 403).
 */
@QuarkusTest
class AccessControlTest {

    private long category;
    private long product;
    private long owner;
    private long other;
    private long order;
    private long review;

    /** One call and the statuses expected for anonymous, owner, other customer, staff. */
    private record Call(String name, Function<RequestSpecification, Integer> send, int anonymous, int owner,
                        int other, int staff) {
    }

    @BeforeEach
    void buildWorld() {
        category = Fixtures.category(null);
        product = Fixtures.product(category, "3.00", 1000);
        owner = Fixtures.customer();
        other = Fixtures.customer();
        order = place(body(owner, product, 1)).then().statusCode(201).extract().jsonPath().getLong("id");
        review = Fixtures.as(owner).contentType(ContentType.JSON).body(Map.of("rating", 4))
                .when().post("/api/products/" + product + "/reviews").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private List<Call> calls() {
        Supplier<Map<String, Object>> newProduct = () -> Map.of("sku", Fixtures.unique("A"), "name", "Acl",
                "price", "1.00", "categoryId", category);
        return List.of(
                new Call("GET categories", r -> r.get("/api/categories").statusCode(), 200, 200, 200, 200),
                new Call("GET category stats", r -> r.get("/api/categories/stats").statusCode(), 200, 200, 200, 200),
                new Call("GET category", r -> r.get("/api/categories/" + category).statusCode(), 200, 200, 200, 200),
                new Call("POST category", r -> r.contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("c")))
                        .post("/api/categories").statusCode(), 401, 403, 403, 201),
                new Call("PUT category", r -> r.contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("c")))
                        .put("/api/categories/" + category).statusCode(), 401, 403, 403, 200),
                new Call("DELETE category", r -> r.delete("/api/categories/999999999").statusCode(), 401, 403, 403, 404),
                new Call("GET products", r -> r.get("/api/products").statusCode(), 200, 200, 200, 200),
                new Call("GET low-stock", r -> r.get("/api/products/low-stock").statusCode(), 200, 200, 200, 200),
                new Call("GET product", r -> r.get("/api/products/" + product).statusCode(), 200, 200, 200, 200),
                new Call("POST product", r -> r.contentType(ContentType.JSON).body(newProduct.get())
                        .post("/api/products").statusCode(), 401, 403, 403, 201),
                new Call("POST products bulk", r -> r.contentType(ContentType.JSON).body(List.of(newProduct.get()))
                        .post("/api/products/bulk").statusCode(), 401, 403, 403, 201),
                new Call("PUT product", r -> r.contentType(ContentType.JSON).body(newProduct.get())
                        .put("/api/products/999999999").statusCode(), 401, 403, 403, 404),
                new Call("DELETE product", r -> r.delete("/api/products/999999999").statusCode(), 401, 403, 403, 404),
                new Call("POST stock", r -> r.contentType(ContentType.JSON).body(Map.of("delta", 1))
                        .post("/api/products/" + product + "/stock").statusCode(), 401, 403, 403, 200),
                new Call("GET customer", r -> r.get("/api/customers/" + owner).statusCode(), 401, 200, 404, 200),
                new Call("PUT customer", r -> r.contentType(ContentType.JSON).body(Map.of("email",
                        Fixtures.unique("e") + "@example.com", "firstName", "F", "lastName", "L"))
                        .put("/api/customers/" + owner).statusCode(), 401, 200, 404, 200),
                new Call("DELETE customer", r -> r.delete("/api/customers/" + owner).statusCode(), 401, 409, 404, 409),
                new Call("GET customer orders", r -> r.get("/api/customers/" + owner + "/orders").statusCode(),
                        401, 200, 404, 200),
                new Call("POST order", r -> r.contentType(ContentType.JSON).body(body(owner, product, 1))
                        .post("/api/orders").statusCode(), 401, 201, 403, 201),
                new Call("GET order", r -> r.get("/api/orders/" + order).statusCode(), 401, 200, 404, 200),
                new Call("POST pay", r -> r.post("/api/orders/999999999/pay").statusCode(), 401, 403, 403, 404),
                new Call("POST ship", r -> r.post("/api/orders/999999999/ship").statusCode(), 401, 403, 403, 404),
                new Call("POST deliver", r -> r.post("/api/orders/999999999/deliver").statusCode(), 401, 403, 403, 404),
                new Call("POST cancel", r -> r.post("/api/orders/999999999/cancel").statusCode(), 401, 404, 404, 404),
                new Call("GET reviews", r -> r.get("/api/products/" + product + "/reviews").statusCode(), 200, 200, 200, 200),
                new Call("GET review", r -> r.get("/api/reviews/" + review).statusCode(), 200, 200, 200, 200),
                new Call("PUT review", r -> r.contentType(ContentType.JSON).body(Map.of("rating", 5))
                        .put("/api/reviews/" + review).statusCode(), 401, 200, 403, 200),
                new Call("POST review", r -> r.contentType(ContentType.JSON).body(Map.of("rating", 5))
                        .post("/api/products/" + product + "/reviews").statusCode(), 401, 409, 422, 403),
                new Call("DELETE review", r -> r.delete("/api/reviews/999999999").statusCode(), 401, 404, 404, 404),
                new Call("GET top customers", r -> r.get("/api/reports/top-customers").statusCode(), 401, 403, 403, 200),
                new Call("GET best sellers", r -> r.get("/api/reports/best-sellers").statusCode(), 401, 403, 403, 200));
    }

    @Test
    void shouldAnswerEachRoleAsTheAccessRulesSay() {
        for (Call call : calls()) {
            assertEquals(call.anonymous(), call.send().apply(Fixtures.anonymous().when()), call.name() + " as anonymous");
            assertEquals(call.owner(), call.send().apply(Fixtures.as(owner).when()), call.name() + " as owner");
            assertEquals(call.other(), call.send().apply(Fixtures.as(other).when()), call.name() + " as other customer");
            assertEquals(call.staff(), call.send().apply(given().when()), call.name() + " as staff");
        }
    }

    @Test
    void shouldLetACustomerCancelItsOwnOrderOnly() {
        Fixtures.as(other).when().post("/api/orders/" + order + "/cancel").then().statusCode(404);
        Fixtures.as(owner).when().post("/api/orders/" + order + "/cancel").then().statusCode(200);
    }

    @Test
    void shouldTakeTheCustomerFromTheToken() {
        Fixtures.as(owner).contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("productId", product, "quantity", 1))))
                .when().post("/api/orders")
                .then().statusCode(201).body("customerId", org.hamcrest.Matchers.equalTo((int) owner));
        Fixtures.as(owner).contentType(ContentType.JSON).body(body(other, product, 1))
                .when().post("/api/orders")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
