package com.example.shop.catalog.repository;

import com.example.shop.catalog.Product;
import com.example.shop.common.Cursor;
import com.example.shop.common.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The sort orders of the product list. Each knows its SQL expression (backed by an index), how to
 * read its key from a row for the next-page cursor, and how to turn a cursor value back into a parameter.
 * Ties are broken by id in the same direction, so (key, id) is a total order for keyset pagination.
 */
public enum ProductSort {
    NAME("name", "p.name", false, p -> p.name, s -> s),
    NAME_DESC("-name", "p.name", true, p -> p.name, s -> s),
    PRICE("price", "coalesce(p.sale_price, p.price)", false, p -> p.effectivePrice().toPlainString(), BigDecimal::new),
    PRICE_DESC("-price", "coalesce(p.sale_price, p.price)", true, p -> p.effectivePrice().toPlainString(), BigDecimal::new),
    CREATED_AT("createdAt", "p.created_at", false, p -> p.createdAt.toString(), Instant::parse),
    CREATED_AT_DESC("-createdAt", "p.created_at", true, p -> p.createdAt.toString(), Instant::parse),
    RATING("rating", "coalesce(p.average_rating, 0)", false, ProductSort::ratingKey, BigDecimal::new),
    RATING_DESC("-rating", "coalesce(p.average_rating, 0)", true, ProductSort::ratingKey, BigDecimal::new);

    private final String param;
    private final String expression;
    private final boolean descending;
    private final Function<Product, String> keyOf;
    private final Function<String, Object> parseKey;

    ProductSort(String param, String expression, boolean descending,
                Function<Product, String> keyOf, Function<String, Object> parseKey) {
        this.param = param;
        this.expression = expression;
        this.descending = descending;
        this.keyOf = keyOf;
        this.parseKey = parseKey;
    }

    /** The sort named by the {@code sort} query parameter; name when absent, 400 when unknown. */
    public static ProductSort fromParam(String value) {
        if (value == null || value.isBlank()) {
            return NAME;
        }
        return Arrays.stream(values())
                .filter(sort -> sort.param.equals(value.trim()))
                .findFirst()
                .orElseThrow(() -> ProblemException.badRequest("sort",
                        "must be one of name, -name, price, -price, createdAt, -createdAt, rating, -rating"));
    }

    public String param() {
        return param;
    }

    public String orderBy() {
        String direction = descending ? " DESC" : "";
        return expression + direction + ", p.id" + direction;
    }

    /** The keyset predicate: rows strictly after the cursor's (key, id) in this order. */
    public String after() {
        return "(" + expression + ", p.id) " + (descending ? "<" : ">") + " (:afterKey, :afterId)";
    }

    public String keyOf(Product product) {
        return keyOf.apply(product);
    }

    public Object parseKey(String key) {
        try {
            return parseKey.apply(key);
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
    }

    private static String ratingKey(Product product) {
        return product.averageRating == null ? "0" : product.averageRating.toPlainString();
    }
}
