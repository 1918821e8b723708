package com.example.shop.support;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

import java.util.Map;

/**
 * Tests call the API as staff unless they say otherwise: a request without an Authorization header gets
 * the test staff account's token; a request with the header {@value #ANONYMOUS} goes out with no token.
 * Installed as a Quarkus test callback, so that it runs in the application's class loader, whose
 * RestAssured the tests use.
 */
public class StaffByDefault implements QuarkusTestBeforeEachCallback {

    public static final String ANONYMOUS = "X-Test-Anonymous";
    public static final String STAFF_EMAIL = "staff@test.example";
    public static final String STAFF_PASSWORD = "staff-test-password";

    private static volatile boolean installed;
    private static volatile String staffToken;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!installed) {
            installed = true;
            RestAssured.filters(new AddToken());
        }
    }

    /** A fresh login of the test staff account (also used for tests that need a staff token explicitly). */
    public static String staffToken() {
        if (staffToken == null) {
            staffToken = login(STAFF_EMAIL, STAFF_PASSWORD);
        }
        return staffToken;
    }

    public static String login(String email, String password) {
        return RestAssured.given().header(ANONYMOUS, "true").contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .when().post("/api/auth/login")
                .then().statusCode(200).extract().jsonPath().getString("accessToken");
    }

    private static final class AddToken implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            if (request.getHeaders().hasHeaderWithName(ANONYMOUS)) {
                request.removeHeader(ANONYMOUS);
            } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + staffToken());
            }
            return context.next(request, response);
        }
    }
}
