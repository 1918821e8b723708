package com.example.shop.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class OperationsTest {

    @Test
    void shouldReportLiveReadyAndStarted() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        var schema = given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database schema"))
                .extract().jsonPath().getMap("checks.find { it.name == 'Database schema' }.data");
        org.junit.jupiter.api.Assertions.assertNotEquals("null", schema.get("appliedVersion"));
        org.junit.jupiter.api.Assertions.assertEquals(schema.get("expectedVersion"), schema.get("appliedVersion"));
    }

    @Test
    void shouldServeOpenApiWithDescriptionsAndSwaggerUi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/products'.get.description", containsString("Keyset pagination"))
                .body("paths.'/api/products/{id}/stock'.post.summary", notNullValue())
                .body("paths.'/api/categories/stats'.get.summary", notNullValue())
                .body("paths.'/api/customers/{id}'.put.summary", notNullValue())
                .body("components.securitySchemes", notNullValue())
                .body("paths.'/api/reports/top-customers'.get.security", notNullValue())
                .body("paths.'/api/orders'.post.security", notNullValue())
                .body("paths.'/api/products/{id}'.put.security", notNullValue());
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
