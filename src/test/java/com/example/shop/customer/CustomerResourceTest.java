package com.example.shop.customer;

import com.example.shop.support.Fixtures;
import com.example.shop.support.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;

import static com.example.shop.support.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class CustomerResourceTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldCreateAndGetCustomer() {
        String email = unique("ada") + "@example.com";
        long id = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Ada", "lastName", "Lovelace", "password", "secret-password"))
                .when().post("/api/customers")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/customers/\\d+$"))
                .body("email", equalTo(email))
                .body("firstName", equalTo("Ada"))
                .body("lastName", equalTo("Lovelace"))
                .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"))
                .extract().jsonPath().getLong("id");
        given().when().get("/api/customers/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo((int) id))
                .body("email", equalTo(email));
    }

    @Test
    void shouldRejectEmailTakenInAnotherCase() {
        String email = unique("grace") + "@example.com";
        given().contentType(ContentType.JSON).body(Map.of("email", email, "firstName", "G", "lastName", "H", "password", "secret-password"))
                .when().post("/api/customers").then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email.toUpperCase(), "firstName", "G", "lastName", "H", "password", "secret-password"))
                .when().post("/api/customers")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/conflict"))
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void shouldRejectInvalidCustomer() {
        given().contentType(ContentType.JSON).body(Map.of("email", "not-an-email", "firstName", ""))
                .when().post("/api/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/validation"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("firstName"))
                .body("errors.field", hasItem("lastName"));
    }

    @Test
    void shouldUpdateCustomerAndHonourIfMatch() {
        long id = Fixtures.customer();
        String email = unique("new") + "@example.com";
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("email", email, "firstName", "New", "lastName", "Name"))
                .when().put("/api/customers/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("email", equalTo(email))
                .body("firstName", equalTo("New"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("email", email, "firstName", "Old", "lastName", "Name"))
                .when().put("/api/customers/" + id)
                .then().statusCode(412)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "firstName", "Old", "lastName", "Name", "version", 0))
                .when().put("/api/customers/" + id)
                .then().statusCode(409);
        given().when().get("/api/customers/" + id).then().body("firstName", equalTo("New"));
    }

    @Test
    void shouldDeleteCustomer() {
        long id = Fixtures.customer();
        given().when().delete("/api/customers/" + id).then().statusCode(204);
        given().when().get("/api/customers/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", notNullValue());
    }

    @Test
    void shouldBlockDeleteWhileOrdersExist() {
        long customer = Fixtures.customer();
        long product = Fixtures.product(Fixtures.category(null), "3.00", 5);
        Orders.insert(dataSource, customer, product);
        given().when().delete("/api/customers/" + customer)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("The customer has orders"));
        given().when().get("/api/customers/" + customer).then().statusCode(200);
    }

    @Test
    void shouldAnswer404ForUnknownCustomer() {
        given().when().get("/api/customers/999999999").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("email", unique("x") + "@example.com", "firstName", "X", "lastName", "Y"))
                .when().put("/api/customers/999999999").then().statusCode(404);
        given().when().delete("/api/customers/999999999").then().statusCode(404);
    }
}
