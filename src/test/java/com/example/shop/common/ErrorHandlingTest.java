package com.example.shop.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ErrorHandlingTest {

    @Test
    void shouldAnswerMalformedJsonWith400Problem() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/categories")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/malformed-request"))
                .body("title", notNullValue())
                .body("status", equalTo(400))
                .body(not(containsString("jackson")))
                .body(not(containsString("at com.")));
    }

    @Test
    void shouldAnswerWrongJsonTypesWith400Problem() {
        given().contentType(ContentType.JSON)
                .body("{\"sku\":\"S\",\"name\":\"N\",\"price\":\"cheap\",\"categoryId\":1}")
                .when().post("/api/products")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/malformed-request"))
                .body("detail", containsString("price"));
        given().contentType(ContentType.JSON).body("[1, 2]")
                .when().post("/api/customers")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerMissingBodyWith400Problem() {
        given().contentType(ContentType.JSON)
                .when().post("/api/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/validation"));
    }

    @Test
    void shouldAnswerUnknownPathsAndIdsWith404Problem() {
        given().when().get("/api/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/not-found"));
        given().when().get("/api/products/not-a-number")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswerValuesTheDatabaseCannotStoreWith400() {
        long category = com.example.shop.support.Fixtures.category(null);
        // a name with a NUL byte: PostgreSQL text cannot hold it
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"nul@example.com\",\"firstName\":\"a\\u0000b\",\"lastName\":\"c\",\"password\":\"long-enough-1\"}")
                .when().post("/api/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/validation"));
        // a price filter beyond NUMERIC's range
        given().queryParam("minPrice", "1e-100000").when().get("/api/products")
                .then().statusCode(400).contentType("application/problem+json");
        // a 200-character name plus the sku: the derived slug is cut to fit
        given().contentType(ContentType.JSON)
                .body(java.util.Map.of("sku", com.example.shop.support.Fixtures.unique("S"), "name", "n".repeat(200),
                        "price", "1.00", "categoryId", category))
                .when().post("/api/products")
                .then().statusCode(201);
    }

    @Test
    void shouldAnswerWrongMethodAndMediaTypeWithProblems() {
        given().when().patch("/api/categories")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405));
        given().contentType(ContentType.TEXT).body("name=x")
                .when().post("/api/categories")
                .then().statusCode(415)
                .contentType("application/problem+json");
    }
}
