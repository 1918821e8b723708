package com.example.shop.catalog;

import com.example.shop.support.Fixtures;
import com.example.shop.support.SqlStatements;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.example.shop.support.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ProductListTest {

    private static long product(long category, String name, String sku, String price, String salePrice,
                                int stock, int reorderLevel, boolean active) {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", sku);
        body.put("name", name);
        body.put("price", price);
        body.put("salePrice", salePrice);
        body.put("stock", stock);
        body.put("reorderLevel", reorderLevel);
        body.put("active", active);
        body.put("categoryId", category);
        return Fixtures.create("/api/products", body);
    }

    private static List<Integer> ids(Map<String, ?> query) {
        return given().queryParams(query).when().get("/api/products")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Integer.class);
    }

    @Test
    void shouldFilterByCategoryTreeStockSaleTextAndEffectivePrice() {
        String tag = unique("flt");
        long root = Fixtures.category(null);
        long child = Fixtures.category(root);
        long grandChild = Fixtures.category(child);
        long other = Fixtures.category(null);
        int apple = (int) product(root, "Apple " + tag, tag + "-A", "10.00", null, 5, 0, true);
        int banana = (int) product(child, "Banana " + tag, tag + "-B", "20.00", "8.00", 0, 0, true);
        int cherry = (int) product(grandChild, "Cherry " + tag, tag + "-C", "30.00", null, 3, 0, true);
        int hidden = (int) product(grandChild, "Date " + tag, tag + "-D", "40.00", null, 3, 0, false);
        product(other, "Elder " + tag, tag + "-E", "50.00", null, 3, 0, true);

        assertEquals(List.of(apple, banana, cherry), ids(Map.of("category", root)));
        assertEquals(List.of(banana, cherry), ids(Map.of("category", child)));
        assertEquals(List.of(apple, cherry), ids(Map.of("category", root, "inStock", "true")));
        assertEquals(List.of(banana), ids(Map.of("category", root, "onSale", "true")));
        assertEquals(List.of(hidden), ids(Map.of("category", root, "active", "false")));
        // effective price: banana costs 8.00 on sale
        assertEquals(List.of(apple, banana), ids(Map.of("category", root, "maxPrice", "15")));
        assertEquals(List.of(apple, cherry), ids(Map.of("category", root, "minPrice", "9", "maxPrice", "30.00")));
        // q matches name or sku, case-insensitively
        assertEquals(List.of(cherry), ids(Map.of("q", "cherry " + tag.toUpperCase())));
        assertEquals(List.of(banana), ids(Map.of("q", tag + "-b")));
        assertEquals(List.of(), ids(Map.of("q", tag + "%")));
    }

    @Test
    void shouldMergePagesOfEveryCategoryOfTheSubtreeInSortOrder() {
        String tag = unique("mrg");
        long root = Fixtures.category(null);
        long left = Fixtures.category(root);
        long right = Fixtures.category(root);
        Fixtures.category(root); // an empty subcategory adds nothing
        List<Integer> byPrice = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // prices interleave the two subcategories: 10 left, 11 right, 12 left...
            byPrice.add((int) product(i % 2 == 0 ? left : right, tag + " " + i, tag + "-" + i, (10 + i) + ".00", null,
                    1, 0, true));
        }
        List<Integer> descending = new ArrayList<>(byPrice);
        java.util.Collections.reverse(descending);

        assertEquals(byPrice, allPages(Map.of("category", root, "sort", "price", "limit", 5)));
        assertEquals(descending, allPages(Map.of("category", root, "sort", "-price", "limit", 5)));
        assertEquals(List.of(), ids(Map.of("category", Fixtures.category(left))));
    }

    /** Follows the next cursors from the first page to the last. */
    private static List<Integer> allPages(Map<String, ?> query) {
        List<Integer> all = new ArrayList<>();
        String after = null;
        do {
            var request = given().queryParams(query);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.when().get("/api/products").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items.id", Integer.class));
            after = page.getString("next");
        } while (after != null);
        return all;
    }

    @Test
    void shouldSortByEachKeyWithTiesBrokenById() {
        String tag = unique("srt");
        long category = Fixtures.category(null);
        int b = (int) product(category, "B " + tag, tag + "-1", "5.00", null, 1, 0, true);
        int a = (int) product(category, "A " + tag, tag + "-2", "9.00", "3.00", 1, 0, true);
        int c1 = (int) product(category, "C " + tag, tag + "-3", "7.00", null, 1, 0, true);
        int c2 = (int) product(category, "C " + tag, tag + "-4", "7.00", null, 1, 0, true);

        assertEquals(List.of(a, b, c1, c2), ids(Map.of("category", category)));
        assertEquals(List.of(c2, c1, b, a), ids(Map.of("category", category, "sort", "-name")));
        assertEquals(List.of(a, b, c1, c2), ids(Map.of("category", category, "sort", "price")));
        assertEquals(List.of(c2, c1, b, a), ids(Map.of("category", category, "sort", "-price")));
        assertEquals(List.of(b, a, c1, c2), ids(Map.of("category", category, "sort", "createdAt")));
        assertEquals(List.of(c2, c1, a, b), ids(Map.of("category", category, "sort", "-createdAt")));
        assertEquals(List.of(b, a, c1, c2), ids(Map.of("category", category, "sort", "rating")));
    }

    @Test
    void shouldPageWithoutDuplicatesOrGapsWhileRowsAreInserted() {
        String tag = unique("pg");
        long category = Fixtures.category(null);
        Set<Integer> before = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            before.add((int) product(category, "M " + tag + " " + i, tag + "-" + i, (10 + i) + ".00", null, 1, 0, true));
        }
        for (String sort : List.of("name", "-name", "price", "-price", "createdAt", "-createdAt", "rating", "-rating")) {
            List<Integer> seen = new ArrayList<>();
            String after = null;
            int pages = 0;
            do {
                Map<String, Object> query = new HashMap<>(Map.of("category", category, "sort", sort, "limit", 3));
                if (after != null) {
                    query.put("after", after);
                }
                JsonPath page = given().queryParams(query).when().get("/api/products")
                        .then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.id", Integer.class));
                after = page.getString("next");
                if (pages++ == 0) {
                    // rows inserted after the first page must not shift the rows already paged past
                    product(category, "A " + tag + " early", unique(tag), "1.00", null, 1, 0, true);
                    product(category, "Z " + tag + " late", unique(tag), "99.00", null, 1, 0, true);
                }
            } while (after != null);
            assertEquals(new HashSet<>(seen).size(), seen.size(), sort + ": no duplicates in " + seen);
            assertTrue(seen.containsAll(before), sort + ": no gaps, saw " + seen);
        }
    }

    @Test
    void shouldCapLimitAndRejectBadParameters() {
        long crowded = Fixtures.category(null);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            batch.add(Map.of("sku", unique("cap"), "name", "Cap " + i, "price", "1.00", "categoryId", crowded));
        }
        given().contentType(ContentType.JSON).body(batch).when().post("/api/products/bulk").then().statusCode(201);
        given().queryParam("category", crowded).queryParam("limit", 1000).when().get("/api/products")
                .then().statusCode(200).body("items", hasSize(100)).body("next", notNullValue());
        given().queryParam("category", crowded).when().get("/api/products")
                .then().statusCode(200).body("items", hasSize(20));
        for (Map<String, String> bad : List.of(Map.of("limit", "0"), Map.of("limit", "abc"),
                Map.of("sort", "colour"), Map.of("category", "x"), Map.of("inStock", "yes"),
                Map.of("minPrice", "cheap"), Map.of("after", "not-a-cursor"))) {
            given().queryParams(bad).when().get("/api/products")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://shop.example/problems/validation"))
                    .body("errors[0].field", equalTo(bad.keySet().iterator().next()));
        }
        String nameCursor = given().queryParam("limit", 1).when().get("/api/products")
                .then().statusCode(200).extract().jsonPath().getString("next");
        if (nameCursor != null) {
            given().queryParam("sort", "price").queryParam("after", nameCursor).when().get("/api/products")
                    .then().statusCode(400).body("errors[0].field", equalTo("after"));
        }
    }

    @Test
    void shouldPageByNamesThatHoldLineBreaks() {
        long category = Fixtures.category(null);
        product(category, "First\nline", unique("nl"), "1.00", null, 1, 0, true);
        product(category, "Second\nline", unique("nl"), "1.00", null, 1, 0, true);
        JsonPath first = given().queryParam("category", category).queryParam("limit", 1)
                .when().get("/api/products").then().statusCode(200).extract().jsonPath();
        given().queryParam("category", category).queryParam("limit", 1).queryParam("after", first.getString("next"))
                .when().get("/api/products")
                .then().statusCode(200).body("items[0].name", equalTo("Second\nline"));
    }

    @Test
    void shouldListLowStockLowestFirst() {
        String tag = unique("low");
        long root = Fixtures.category(null);
        long child = Fixtures.category(root);
        int two = (int) product(child, "Two " + tag, tag + "-2", "1.00", null, 2, 5, true);
        int zero = (int) product(root, "Zero " + tag, tag + "-0", "1.00", null, 0, 1, true);
        product(root, "Enough " + tag, tag + "-9", "1.00", null, 9, 5, true);
        product(root, "Inactive " + tag, tag + "-i", "1.00", null, 0, 5, false);

        given().queryParam("category", root).when().get("/api/products/low-stock")
                .then().statusCode(200)
                .body("items.id", contains(zero, two))
                .body("next", nullValue());
        JsonPath first = given().queryParam("category", root).queryParam("limit", 1)
                .when().get("/api/products/low-stock").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(zero), first.getList("items.id", Integer.class));
        given().queryParam("category", root).queryParam("limit", 1).queryParam("after", first.getString("next"))
                .when().get("/api/products/low-stock")
                .then().body("items.id", contains(two));
        given().queryParam("category", "nope").when().get("/api/products/low-stock").then().statusCode(400);
    }

    @Test
    void shouldLoadAProductPageInAFixedNumberOfStatements() {
        String tag = unique("n1");
        long category = Fixtures.category(null);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(Map.of("sku", tag + "-" + i, "name", "P " + tag + " " + i, "price", "1.00",
                    "categoryId", category));
        }
        given().contentType(ContentType.JSON).body(batch).when().post("/api/products/bulk").then().statusCode(201);

        List<String> small = SqlStatements.during(() -> given().queryParam("category", category)
                .queryParam("limit", 2).when().get("/api/products").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].categoryId", equalTo((int) category)));
        List<String> large = SqlStatements.during(() -> given().queryParam("category", category)
                .queryParam("limit", 40).when().get("/api/products").then().statusCode(200)
                .body("items", hasSize(40)).body("next", nullValue()));
        assertEquals(1, small.size(), "statements for 2 products: " + small);
        assertEquals(1, large.size(), "statements for 40 products: " + large);

        List<String> detail = SqlStatements.during(() -> given().when().get("/api/categories/stats")
                .then().statusCode(200).body("size()", notNullValue()));
        assertEquals(1, detail.size(), "category stats: " + detail);
    }
}
