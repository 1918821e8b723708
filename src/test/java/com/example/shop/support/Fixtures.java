package com.example.shop.support;

import io.restassured.http.ContentType;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Creates test data through the API, with unique names so tests never collide on a shared database. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long category(Long parentId) {
        String name = unique("cat");
        Map<String, Object> body = parentId == null ? Map.of("name", name) : Map.of("name", name, "parentId", parentId);
        return create("/api/categories", body);
    }

    public static long product(long categoryId, String price, int stock) {
        return create("/api/products", Map.of("sku", unique("SKU"), "name", unique("Product"),
                "price", price, "stock", stock, "categoryId", categoryId));
    }

    /** The password every fixture customer registers with. */
    public static final String PASSWORD = "password-123";

    private static final Map<Long, String> EMAILS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<Long, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    public static long customer() {
        String email = unique("user") + "@example.com";
        long id = create("/api/customers", Map.of("email", email, "firstName", "Test", "lastName", "User",
                "password", PASSWORD));
        EMAILS.put(id, email);
        return id;
    }

    /** A request made as the given fixture customer (logged in once, token kept). */
    public static io.restassured.specification.RequestSpecification as(long customerId) {
        String token = TOKENS.computeIfAbsent(customerId, id -> StaffByDefault.login(EMAILS.get(id), PASSWORD));
        return given().header("Authorization", "Bearer " + token);
    }

    /** A request with no token at all. */
    public static io.restassured.specification.RequestSpecification anonymous() {
        return given().header(StaffByDefault.ANONYMOUS, "true");
    }

    public static long create(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
