package com.example.shop.catalog;

import com.example.shop.catalog.repository.ProductRepository;
import com.example.shop.support.Fixtures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The named repository queries (Django's custom manager methods) against the real database. */
@QuarkusTest
class ProductRepositoryTest {

    @Inject
    ProductRepository products;

    private <T> T inSession(Supplier<io.smallrye.mutiny.Uni<T>> query) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(query));
    }

    private static List<Long> ids(List<Product> found) {
        return found.stream().map(p -> p.id).toList();
    }

    @Test
    void shouldFindInStockOnSaleAndByCategoryTree() throws Throwable {
        long root = Fixtures.category(null);
        long child = Fixtures.category(root);
        long stocked = Fixtures.product(child, "4.00", 3);
        long soldOut = Fixtures.product(root, "4.00", 0);
        long sale = Fixtures.create("/api/products", Map.of("sku", Fixtures.unique("S"), "name", Fixtures.unique("Sale"),
                "price", "9.00", "salePrice", "0.01", "stock", 1, "categoryId", root));

        assertEquals(List.of(stocked, soldOut, sale).stream().sorted().toList(),
                ids(inSession(() -> products.byCategory(root, 100))).stream().sorted().toList());
        assertEquals(List.of(stocked), ids(inSession(() -> products.byCategory(child, 100))));
        List<Long> inStock = ids(inSession(() -> products.inStock(100_000)));
        assertTrue(inStock.contains(stocked) && inStock.contains(sale) && !inStock.contains(soldOut));
        List<Long> onSale = ids(inSession(() -> products.onSale(100_000)));
        assertTrue(onSale.contains(sale) && !onSale.contains(stocked));
    }

    @Test
    void shouldListLowStockAndAdjustStockAtomically() throws Throwable {
        long category = Fixtures.category(null);
        long low = Fixtures.create("/api/products", Map.of("sku", Fixtures.unique("L"), "name", Fixtures.unique("Low"),
                "price", "1.00", "stock", 1, "reorderLevel", 3, "categoryId", category));
        assertEquals(List.of(low), ids(inSession(() -> products.lowStock(category, null, 10))));
        assertEquals(6, inSession(() -> Panache.withTransaction(() -> products.adjustStock(low, 5))).stock);
        assertEquals(null, inSession(() -> Panache.withTransaction(() -> products.adjustStock(low, -7))));
        given().contentType(ContentType.JSON).when().get("/api/products/" + low).then().statusCode(200);
    }
}
