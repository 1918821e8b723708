package com.example.shop.catalog;

import com.example.shop.support.Concurrently;
import com.example.shop.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.example.shop.support.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class CategoryResourceTest {

    @Test
    void shouldCreateCategoryWithDerivedSlug() {
        String name = unique("Sci Fi & Fantasy");
        given().contentType(ContentType.JSON).body(Map.of("name", name))
                .when().post("/api/categories")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", equalTo("\"0\""))
                .body("id", notNullValue())
                .body("name", equalTo(name))
                .body("slug", equalTo(name.toLowerCase().replace(" & ", "-").replace(' ', '-')))
                .body("parentId", nullValue())
                .body("createdAt", notNullValue());
    }

    @Test
    void shouldGetListAndNestCategories() {
        long root = Fixtures.category(null);
        long child = Fixtures.category(root);
        given().when().get("/api/categories/" + child)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("parentId", equalTo((int) root));
        given().when().get("/api/categories")
                .then().statusCode(200)
                .body("items.id", hasItem((int) child))
                .body("next", nullValue());
    }

    @Test
    void shouldRejectTakenSlug() {
        String slug = unique("taken");
        given().contentType(ContentType.JSON).body(Map.of("name", "A", "slug", slug))
                .when().post("/api/categories").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("name", "B", "slug", slug))
                .when().post("/api/categories")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/conflict"))
                .body("status", equalTo(409));
    }

    @Test
    void shouldRejectInvalidBody() {
        given().contentType(ContentType.JSON).body(Map.of("name", " ", "slug", "Not A Slug"))
                .when().post("/api/categories")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/validation"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("slug"));
    }

    @Test
    void shouldRejectUnknownParent() {
        given().contentType(ContentType.JSON).body(Map.of("name", unique("orphan"), "parentId", 999_999_999))
                .when().post("/api/categories")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/unprocessable"))
                .body("errors[0].field", equalTo("parentId"));
    }

    @Test
    void shouldAnswer404ForUnknownCategory() {
        given().when().get("/api/categories/999999999")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/not-found"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().put("/api/categories/999999999").then().statusCode(404);
        given().when().delete("/api/categories/999999999").then().statusCode(404);
    }

    @Test
    void shouldUpdateWithIfMatchAndRejectStaleVersions() {
        long id = Fixtures.category(null);
        String renamed = unique("renamed");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("name", renamed))
                .when().put("/api/categories/" + id)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo(renamed));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("name", "again"))
                .when().put("/api/categories/" + id)
                .then().statusCode(412)
                .body("type", equalTo("https://shop.example/problems/precondition-failed"));
        given().contentType(ContentType.JSON).body(Map.of("name", "again", "version", 0))
                .when().put("/api/categories/" + id)
                .then().statusCode(409)
                .body("type", equalTo("https://shop.example/problems/conflict"));
        given().when().get("/api/categories/" + id).then().body("name", equalTo(renamed));
    }

    @Test
    void shouldRejectMovingCategoryBelowItsDescendant() {
        long root = Fixtures.category(null);
        long child = Fixtures.category(root);
        long grandChild = Fixtures.category(child);
        given().contentType(ContentType.JSON).body(Map.of("name", "loop", "parentId", grandChild))
                .when().put("/api/categories/" + root)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("parentId"));
        given().contentType(ContentType.JSON).body(Map.of("name", "self", "parentId", root))
                .when().put("/api/categories/" + root)
                .then().statusCode(422);
    }

    @Test
    void shouldNeverLetConcurrentMovesCloseACycle() {
        for (int round = 0; round < 5; round++) {
            long a = Fixtures.category(null);
            long b = Fixtures.category(null);
            List<Integer> statuses = Concurrently.run(2, 2, i -> given().contentType(ContentType.JSON)
                    .body(Map.of("name", unique("move"), "parentId", i == 0 ? b : a))
                    .when().put("/api/categories/" + (i == 0 ? a : b)).statusCode());
            assertEquals(List.of(200, 422), statuses.stream().sorted().toList(), "round " + round);
            given().when().get("/api/categories/stats").then().statusCode(200);
            given().queryParam("category", a).when().get("/api/products").then().statusCode(200);
        }
    }

    @Test
    void shouldCapADerivedSlugAtTheColumnLength() {
        String name = "\u3392".repeat(100);
        given().contentType(ContentType.JSON).body("{\"name\": \"" + name + "\"}")
                .when().post("/api/categories")
                .then().statusCode(201)
                .body("slug", org.hamcrest.Matchers.startsWith("mhz"))
                .body("slug.length()", org.hamcrest.Matchers.lessThanOrEqualTo(200));
    }

    @Test
    void shouldBlockDeleteWhileChildrenOrProductsExist() {
        long root = Fixtures.category(null);
        long child = Fixtures.category(root);
        given().when().delete("/api/categories/" + root)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/conflict"));
        long product = Fixtures.product(child, "5.00", 1);
        given().when().delete("/api/categories/" + child).then().statusCode(409);

        given().when().delete("/api/products/" + product).then().statusCode(204);
        given().when().delete("/api/categories/" + child).then().statusCode(204);
        given().when().delete("/api/categories/" + root).then().statusCode(204);
        given().when().get("/api/categories/" + root).then().statusCode(404);
    }

    @Test
    void shouldCountProductsIncludingSubcategories() {
        long root = Fixtures.category(null);
        long child = Fixtures.category(root);
        Fixtures.product(root, "1.00", 1);
        Fixtures.product(child, "1.00", 1);
        Fixtures.product(child, "1.00", 1);
        long inactive = Fixtures.create("/api/products",
                Map.of("sku", unique("S"), "name", "Off", "price", "1.00", "active", false, "categoryId", child));
        given().when().get("/api/categories/stats")
                .then().statusCode(200)
                .body("find { it.id == " + root + " }.productCount", equalTo(4))
                .body("find { it.id == " + root + " }.activeProductCount", equalTo(3))
                .body("find { it.id == " + child + " }.productCount", equalTo(3))
                .body("find { it.id == " + child + " }.activeProductCount", equalTo(2));
        given().when().get("/api/products/" + inactive).then().statusCode(200).body("active", equalTo(false));
    }
}
