package com.example.shop.catalog.service;

import com.example.shop.catalog.Category;
import com.example.shop.catalog.Product;
import com.example.shop.catalog.repository.CategoryRepository;
import com.example.shop.catalog.repository.ProductFilter;
import com.example.shop.catalog.repository.ProductRepository;
import com.example.shop.catalog.repository.ProductSort;
import com.example.shop.catalog.rest.ProductRequest;
import com.example.shop.common.Cursor;
import com.example.shop.common.Page;
import com.example.shop.common.ProblemException;
import com.example.shop.common.Slugs;
import com.example.shop.common.Versions;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Product use cases; each write is one transaction. */
@ApplicationScoped
public class ProductService {

    private static final String LOW_STOCK_SORT = "low-stock";

    private final ProductRepository products;
    private final CategoryRepository categories;

    public ProductService(ProductRepository products, CategoryRepository categories) {
        this.products = products;
        this.categories = categories;
    }

    @WithSession
    public Uni<Product> get(long id) {
        return products.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("product", id));
    }

    @WithSession
    public Uni<Page<Product>> search(ProductFilter filter, ProductSort sort, String after, int limit) {
        Cursor cursor = Cursor.decode(after, sort.param());
        return products.search(filter, sort, cursor, limit + 1)
                .map(rows -> Page.of(rows, limit, Function.identity(),
                        p -> new Cursor(sort.param(), sort.keyOf(p), p.id).encode()));
    }

    @WithSession
    public Uni<Page<Product>> lowStock(Long categoryId, String after, int limit) {
        Cursor cursor = Cursor.decode(after, LOW_STOCK_SORT);
        return products.lowStock(categoryId, cursor, limit + 1)
                .map(rows -> Page.of(rows, limit, Function.identity(),
                        p -> new Cursor(LOW_STOCK_SORT, Integer.toString(p.stock), p.id).encode()));
    }

    @WithTransaction
    public Uni<Product> create(ProductRequest request) {
        checkPrices(request, "");
        return categoryOf(request.categoryId(), "categoryId").chain(category -> {
            Product product = new Product();
            apply(product, request, category);
            return products.persist(product);
        });
    }

    /** All or nothing: every product is validated first, then all are inserted in one transaction. */
    @WithTransaction
    public Uni<List<Product>> createAll(List<ProductRequest> requests) {
        IntStream.range(0, requests.size()).forEach(i -> checkPrices(requests.get(i), "[" + i + "]."));
        rejectDuplicatesWithin(requests);
        Set<Long> categoryIds = requests.stream().map(ProductRequest::categoryId).collect(Collectors.toSet());
        return categories.list("id in ?1", categoryIds).chain(found -> {
            Map<Long, Category> byId = found.stream().collect(Collectors.toMap(c -> c.id, c -> c));
            List<Product> created = IntStream.range(0, requests.size()).mapToObj(i -> {
                ProductRequest request = requests.get(i);
                Category category = byId.get(request.categoryId());
                if (category == null) {
                    throw ProblemException.unprocessable("[" + i + "].categoryId",
                            "category " + request.categoryId() + " does not exist");
                }
                Product product = new Product();
                apply(product, request, category);
                return product;
            }).toList();
            return products.persist(created).replaceWith(created);
        });
    }

    @WithTransaction
    public Uni<Product> update(long id, ProductRequest request, String ifMatch) {
        checkPrices(request, "");
        return get(id)
                .invoke(product -> Versions.check(product.version, ifMatch, request.version()))
                .chain(product -> categoryOf(request.categoryId(), "categoryId").map(category -> {
                    apply(product, request, category);
                    return product;
                }));
    }

    /** Deletes a product; the foreign keys answer 409 while orders reference it. */
    @WithTransaction
    public Uni<Void> delete(long id) {
        return get(id).call(products::delete).replaceWithVoid();
    }

    /** Atomic {@code stock = stock + delta} in the database; a result below zero is a 409. */
    @WithTransaction
    public Uni<Product> adjustStock(long id, int delta) {
        return products.adjustStock(id, delta).chain(updated -> updated != null
                ? Uni.createFrom().item(updated)
                : products.findById(id).map(current -> {
                    if (current == null) {
                        throw ProblemException.notFound("product", id);
                    }
                    throw ProblemException.conflict("stock " + current.stock + " + delta " + delta
                            + (delta < 0 ? " would be below zero" : " would exceed the largest stock, 2147483647"));
                }));
    }

    private Uni<Category> categoryOf(Long categoryId, String field) {
        return categories.findById(categoryId).onItem().ifNull()
                .failWith(() -> ProblemException.unprocessable(field, "category " + categoryId + " does not exist"));
    }

    private static void apply(Product product, ProductRequest request, Category category) {
        product.sku = request.sku().trim();
        product.name = request.name().trim();
        if (request.slug() != null) {
            product.slug = request.slug();
        } else if (product.slug == null) {
            product.slug = Slugs.derive(product.name + "-" + product.sku);
        }
        product.description = request.description();
        product.price = request.price().setScale(2, RoundingMode.UNNECESSARY);
        product.salePrice = request.salePrice() == null ? null : request.salePrice().setScale(2, RoundingMode.UNNECESSARY);
        if (request.stock() != null) {
            product.stock = request.stock();
        }
        if (request.reorderLevel() != null) {
            product.reorderLevel = request.reorderLevel();
        }
        if (request.active() != null) {
            product.active = request.active();
        } else if (product.id == null) {
            product.active = true;
        }
        product.assignCategory(category);
    }

    private static void checkPrices(ProductRequest request, String fieldPrefix) {
        if (request.salePrice() != null && request.price() != null
                && request.salePrice().compareTo(request.price()) >= 0) {
            throw ProblemException.badRequest(fieldPrefix + "salePrice", "must be below price");
        }
    }

    /** The same sku or slug twice in one bulk request is a conflict before anything is written. */
    private static void rejectDuplicatesWithin(List<ProductRequest> requests) {
        Set<String> skus = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            ProductRequest request = requests.get(i);
            rejectRepeated(skus, request.sku().trim(), "[" + i + "].sku");
            if (request.slug() != null) {
                rejectRepeated(slugs, request.slug(), "[" + i + "].slug");
            }
        }
    }

    private static void rejectRepeated(Set<String> seen, String value, String field) {
        if (!seen.add(value)) {
            throw ProblemException.conflict(field, value + " appears earlier in this request");
        }
    }
}
