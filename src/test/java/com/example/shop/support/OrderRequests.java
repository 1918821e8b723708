package com.example.shop.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Builds and sends POST /api/orders bodies. */
public final class OrderRequests {

    private OrderRequests() {
    }

    /** Lines as alternating productId, quantity values. */
    public static Map<String, Object> body(long customerId, long... productAndQuantity) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            items.add(Map.of("productId", productAndQuantity[i], "quantity", productAndQuantity[i + 1]));
        }
        return Map.of("customerId", customerId, "items", items);
    }

    public static Response place(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/orders");
    }

    public static Response place(Map<String, Object> body, String idempotencyKey) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body)
                .when().post("/api/orders");
    }

    public static int stockOf(long productId) {
        return given().when().get("/api/products/" + productId).then().statusCode(200)
                .extract().jsonPath().getInt("stock");
    }
}
