package com.example.shop.catalog.repository;

import com.example.shop.catalog.Product;
import com.example.shop.common.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Product queries. The list queries are native SQL built from fixed fragments (never from client text),
 * because they need a recursive CTE for category subtrees and row-value comparisons for keyset pagination;
 * every value is a bound parameter.
 */
@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, Long> {

    private static final String IN_CATEGORY_SUBTREE =
            "p.category_id IN (" + CategoryRepository.SUBTREE_IDS_SQL + ")";

    /**
     * The product list: filters, sort and one keyset page of {@code fetchSize} rows, in one statement. With a
     * category, each category of the subtree gives at most one page from its own (category_id, sort key, id)
     * index and those few rows are merged: the cost stays the same at any catalog size. A plain
     * {@code category_id IN (subtree)} let PostgreSQL walk the whole sort-key index looking for the subtree's
     * rows, up to every product for an empty category (0.7 s at 200k products, see bench/RESULTS.md).
     */
    public Uni<List<Product>> search(ProductFilter filter, ProductSort sort, Cursor after, int fetchSize) {
        Query query = new Query();
        if (filter.active() != null) {
            query.where("p.active = :active", "active", filter.active());
        }
        if (filter.categoryId() != null) {
            query.perCategoryOf(filter.categoryId());
        }
        if (Boolean.TRUE.equals(filter.inStock())) {
            query.where("p.stock > 0");
        } else if (Boolean.FALSE.equals(filter.inStock())) {
            query.where("p.stock = 0");
        }
        if (Boolean.TRUE.equals(filter.onSale())) {
            query.where("p.sale_price IS NOT NULL");
        } else if (Boolean.FALSE.equals(filter.onSale())) {
            query.where("p.sale_price IS NULL");
        }
        if (filter.text() != null) {
            query.where("(p.name ILIKE :text ESCAPE '\\' OR p.sku ILIKE :text ESCAPE '\\')",
                    "text", "%" + escapeLike(filter.text()) + "%");
        }
        if (filter.minPrice() != null) {
            query.where("coalesce(p.sale_price, p.price) >= :minPrice", "minPrice", filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            query.where("coalesce(p.sale_price, p.price) <= :maxPrice", "maxPrice", filter.maxPrice());
        }
        if (after != null) {
            query.where(sort.after(), "afterKey", sort.parseKey(after.value()));
            query.parameters.put("afterId", after.id());
        }
        return query.list("ORDER BY " + sort.orderBy(), fetchSize);
    }

    /** Active products with stock, by name: Django's Product.objects.filter(active=True, stock__gt=0). */
    public Uni<List<Product>> inStock(int limit) {
        return search(new ProductFilter(null, true, null, null, null, null, true), ProductSort.NAME, null, limit);
    }

    /** Active products of a category and all its subcategories, by name. */
    public Uni<List<Product>> byCategory(long categoryId, int limit) {
        return search(new ProductFilter(categoryId, null, null, null, null, null, true), ProductSort.NAME, null, limit);
    }

    /** Active products with a sale price, cheapest first. */
    public Uni<List<Product>> onSale(int limit) {
        return search(new ProductFilter(null, null, true, null, null, null, true), ProductSort.PRICE, null, limit);
    }

    /** Active products below their reorder level, lowest stock first (keyset on stock, id). */
    public Uni<List<Product>> lowStock(Long categoryId, Cursor after, int fetchSize) {
        Query query = new Query();
        query.where("p.active AND p.stock < p.reorder_level");
        if (categoryId != null) {
            query.where(IN_CATEGORY_SUBTREE, "category", categoryId);
        }
        if (after != null) {
            query.where("(p.stock, p.id) > (:afterKey, :afterId)", "afterKey", after.intValue());
            query.parameters.put("afterId", after.id());
        }
        return query.list("ORDER BY p.stock, p.id", fetchSize);
    }

    /**
     * Django's {@code F('stock') + delta}: one conditional UPDATE, so concurrent adjustments never lose
     * an update and stock never goes below zero (nor above the integer range). Returns the updated product,
     * or null when the product is missing or the result would be out of range.
     */
    public Uni<Product> adjustStock(long id, int delta) {
        return getSession().chain(session -> session.createNativeQuery("""
                        UPDATE product
                        SET stock = stock + :delta, version = version + 1, updated_at = now()
                        WHERE id = :id AND stock::bigint + :delta BETWEEN 0 AND 2147483647
                        RETURNING *""", Product.class)
                .setParameter("delta", delta)
                .setParameter("id", id)
                // read-only: the row is already written; Hibernate must not flush it again
                .setReadOnly(true)
                .getSingleResultOrNull());
    }

    public Uni<Boolean> existsById(long id) {
        return count("id", id).map(count -> count > 0);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A native product query assembled from fixed fragments and named parameters. */
    private final class Query {
        private final StringBuilder where = new StringBuilder();
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private boolean perCategory;

        /** Runs the query once per category of the subtree under {@code categoryId}, then merges the pages. */
        void perCategoryOf(long categoryId) {
            where("p.category_id = s.id", "category", categoryId);
            perCategory = true;
        }

        void where(String condition) {
            where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
        }

        void where(String condition, String name, Object value) {
            where(condition);
            parameters.put(name, value);
        }

        Uni<List<Product>> list(String orderBy, int fetchSize) {
            String page = "SELECT p.* FROM product p" + where + " " + orderBy + " LIMIT :fetchSize";
            String sql = perCategory
                    ? "SELECT p.* FROM (" + CategoryRepository.SUBTREE_IDS_SQL + ") s CROSS JOIN LATERAL (" + page
                            + ") p " + orderBy + " LIMIT :fetchSize"
                    : page;
            return getSession().chain(session -> {
                Mutiny.SelectionQuery<Product> query = session.createNativeQuery(sql, Product.class);
                parameters.forEach(query::setParameter);
                return query.setParameter("fetchSize", fetchSize).getResultList();
            });
        }
    }
}
