package com.example.shop.review;

import com.example.shop.support.Buyers;
import com.example.shop.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.example.shop.support.OrderRequests.body;
import static com.example.shop.support.OrderRequests.place;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ReviewResourceTest {

    private static long product() {
        return Fixtures.product(Fixtures.category(null), "9.00", 100);
    }

    private static Map<String, Object> review(long customer, int rating) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customer, "rating", rating));
        body.put("title", "Rated " + rating);
        body.put("body", "Thoughts");
        return body;
    }

    private static long post(long product, long customer, int rating) {
        return Fixtures.as(customer).contentType(ContentType.JSON).body(review(customer, rating))
                .when().post("/api/products/" + product + "/reviews")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void shouldCreateReviewAndRateTheProduct() {
        long product = product();
        long buyer = Buyers.of(product);
        Fixtures.as(buyer).contentType(ContentType.JSON).body(review(buyer, 4))
                .when().post("/api/products/" + product + "/reviews")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/reviews/\\d+$"))
                .header("ETag", equalTo("\"0\""))
                .body("productId", equalTo((int) product))
                .body("customerId", equalTo((int) buyer))
                .body("rating", equalTo(4))
                .body("title", equalTo("Rated 4"));
        post(product, Buyers.of(product), 5);
        post(product, Buyers.of(product), 5);
        given().when().get("/api/products/" + product)
                .then().body("reviewCount", equalTo(3)).body("averageRating", equalTo(4.67f));
    }

    @Test
    void shouldRejectReviewsFromCustomersWhoDidNotBuy() {
        long product = product();
        long stranger = Fixtures.customer();
        Fixtures.as(stranger).contentType(ContentType.JSON).body(review(stranger, 5))
                .when().post("/api/products/" + product + "/reviews")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/unprocessable"))
                .body("errors[0].field", equalTo("customerId"));

        long cancelledBuyer = Fixtures.customer();
        long order = place(body(cancelledBuyer, product, 1)).then().statusCode(201).extract().jsonPath().getLong("id");
        given().when().post("/api/orders/" + order + "/cancel").then().statusCode(200);
        Fixtures.as(cancelledBuyer).contentType(ContentType.JSON).body(review(cancelledBuyer, 5))
                .when().post("/api/products/" + product + "/reviews")
                .then().statusCode(422);

        // a customer writes as itself only
        Fixtures.as(stranger).contentType(ContentType.JSON).body(review(cancelledBuyer, 5))
                .when().post("/api/products/" + product + "/reviews")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/forbidden"));
        given().when().get("/api/products/" + product)
                .then().body("reviewCount", equalTo(0)).body("averageRating", nullValue());
    }

    @Test
    void shouldRejectASecondReviewBySameCustomer() {
        long product = product();
        long buyer = Buyers.of(product);
        post(product, buyer, 3);
        Fixtures.as(buyer).contentType(ContentType.JSON).body(review(buyer, 1))
                .when().post("/api/products/" + product + "/reviews")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/conflict"));
        given().when().get("/api/products/" + product)
                .then().body("reviewCount", equalTo(1)).body("averageRating", equalTo(3.0f));
    }

    @Test
    void shouldRejectRatingsOutsideOneToFive() {
        long product = product();
        long buyer = Buyers.of(product);
        for (int rating : new int[]{0, 6}) {
            Fixtures.as(buyer).contentType(ContentType.JSON).body(review(buyer, rating))
                    .when().post("/api/products/" + product + "/reviews")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("rating"));
        }
        Fixtures.as(buyer).contentType(ContentType.JSON).body(Map.of("customerId", buyer))
                .when().post("/api/products/" + product + "/reviews")
                .then().statusCode(400).body("errors.field", hasItem("rating"));
    }

    @Test
    void shouldAnswer404ForUnknownProductsAndReviews() {
        long someone = Fixtures.customer();
        Fixtures.as(someone).contentType(ContentType.JSON).body(review(someone, 3))
                .when().post("/api/products/999999999/reviews").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/products/999999999/reviews").then().statusCode(404);
        given().when().get("/api/reviews/999999999").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("rating", 3))
                .when().put("/api/reviews/999999999").then().statusCode(404);
        given().when().delete("/api/reviews/999999999").then().statusCode(404);
    }

    @Test
    void shouldEditAndDeleteKeepingTheRatingExact() {
        long product = product();
        long first = post(product, Buyers.of(product), 2);
        post(product, Buyers.of(product), 4);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("rating", 5, "title", "Changed my mind"))
                .when().put("/api/reviews/" + first)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("rating", equalTo(5))
                .body("title", equalTo("Changed my mind"));
        given().when().get("/api/products/" + product)
                .then().body("reviewCount", equalTo(2)).body("averageRating", equalTo(4.5f));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("rating", 1))
                .when().put("/api/reviews/" + first).then().statusCode(412);
        given().contentType(ContentType.JSON).body(Map.of("rating", 1, "version", 0))
                .when().put("/api/reviews/" + first).then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("rating", 9))
                .when().put("/api/reviews/" + first).then().statusCode(400);

        given().when().delete("/api/reviews/" + first).then().statusCode(204);
        given().when().get("/api/reviews/" + first).then().statusCode(404);
        given().when().get("/api/products/" + product)
                .then().body("reviewCount", equalTo(1)).body("averageRating", equalTo(4.0f));
    }

    @Test
    void shouldListReviewsNewestFirstAcrossPages() {
        long product = product();
        List<Long> written = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            written.add(post(product, Buyers.of(product), i));
        }
        List<Long> seen = new ArrayList<>();
        String after = null;
        do {
            var request = given().queryParam("limit", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.when().get("/api/products/" + product + "/reviews")
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id", Long.class));
            after = page.getString("next");
        } while (after != null);
        List<Long> expected = new ArrayList<>(written);
        java.util.Collections.reverse(expected);
        assertEquals(expected, seen);
        given().queryParam("after", "bogus").when().get("/api/products/" + product + "/reviews")
                .then().statusCode(400);
    }
}
