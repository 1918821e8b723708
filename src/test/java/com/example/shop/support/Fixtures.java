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

    public static long customer() {
        return create("/api/customers", Map.of("email", unique("user") + "@example.com",
                "firstName", "Test", "lastName", "User"));
    }

    public static long create(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
