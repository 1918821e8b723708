package com.example.shop.review;

import com.example.shop.support.Buyers;
import com.example.shop.support.Concurrently;
import com.example.shop.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ReviewConcurrencyTest {

    private static BigDecimal mean(List<Integer> ratings) {
        int sum = ratings.stream().mapToInt(Integer::intValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(ratings.size()), 2, RoundingMode.HALF_UP);
    }

    private static JsonPath product(long id) {
        return given().when().get("/api/products/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<Integer> ratingsOnRecord(long product) {
        return given().queryParam("limit", 100).when().get("/api/products/" + product + "/reviews")
                .then().statusCode(200).extract().jsonPath().getList("items.rating", Integer.class);
    }

    @Test
    void shouldCountEveryOneOfThirtyConcurrentReviews() {
        long product = Fixtures.product(Fixtures.category(null), "5.00", 100);
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            buyers.add(Buyers.of(product));
        }
        List<Integer> ratings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ratings.add(1 + (i * 7) % 5);
        }
        buyers.forEach(Fixtures::as);
        List<Integer> statuses = Concurrently.run(30, 30, i -> Fixtures.as(buyers.get(i)).contentType(ContentType.JSON)
                .body(Map.of("customerId", buyers.get(i), "rating", ratings.get(i)))
                .when().post("/api/products/" + product + "/reviews").statusCode());

        statuses.forEach(status -> assertEquals(201, status));
        JsonPath after = product(product);
        assertEquals(30, after.getInt("reviewCount"));
        assertEquals(mean(ratings), new BigDecimal(after.getString("averageRating")).setScale(2, RoundingMode.UNNECESSARY));
    }

    @Test
    void shouldStayExactUnderConcurrentEditsAndDeletes() {
        long product = Fixtures.product(Fixtures.category(null), "5.00", 100);
        List<Long> reviews = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long buyer = Buyers.of(product);
            reviews.add(Fixtures.as(buyer).contentType(ContentType.JSON)
                    .body(Map.of("customerId", buyer, "rating", 1 + i % 5))
                    .when().post("/api/products/" + product + "/reviews")
                    .then().statusCode(201).extract().jsonPath().getLong("id"));
        }
        // each review is edited and deleted at the same moment, several times over
        List<Integer> statuses = Concurrently.run(36, 24, i -> {
            long review = reviews.get(i % 12);
            return switch (i / 12) {
                case 0 -> given().contentType(ContentType.JSON).body(Map.of("rating", 5))
                        .when().put("/api/reviews/" + review).statusCode();
                case 1 -> given().when().delete("/api/reviews/" + review).statusCode();
                default -> given().contentType(ContentType.JSON).body(Map.of("rating", 2))
                        .when().put("/api/reviews/" + review).statusCode();
            };
        });
        statuses.forEach(status -> assertTrue(List.of(200, 204, 404, 409).contains(status), "status " + status));

        List<Integer> remaining = ratingsOnRecord(product);
        JsonPath after = product(product);
        assertEquals(remaining.size(), after.getInt("reviewCount"));
        if (remaining.isEmpty()) {
            assertNull(after.get("averageRating"));
        } else {
            assertEquals(mean(remaining), new BigDecimal(after.getString("averageRating")).setScale(2, RoundingMode.UNNECESSARY));
        }
    }
}
