package com.example.shop.review.repository;

import com.example.shop.common.Cursor;
import com.example.shop.review.Review;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Review queries, and the atomic upkeep of each product's rating (Django's post_save signal, without lost updates). */
@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, Long> {

    /** Whether the customer has a non-cancelled order containing the product: only such buyers may review. */
    public Uni<Boolean> isVerifiedBuyer(long customerId, long productId) {
        return getSession().chain(session -> session.createNativeQuery("""
                        SELECT count(*) FROM orders o JOIN order_item i ON i.order_id = o.id
                        WHERE o.customer_id = :customer AND i.product_id = :product AND o.status <> 'CANCELLED'""",
                        Long.class)
                .setParameter("customer", customerId)
                .setParameter("product", productId)
                .getSingleResult())
                .map(count -> count > 0);
    }

    /**
     * Adds to a product's rating sum and count in one UPDATE ({@code rating_sum = rating_sum + :delta}), so
     * concurrent reviews all count. The average is a generated column derived from both.
     */
    public Uni<Integer> adjustRating(long productId, int sumDelta, int countDelta) {
        return getSession().chain(session -> session.createNativeQuery("""
                        UPDATE product SET rating_sum = rating_sum + :sum, rating_count = rating_count + :count
                        WHERE id = :product""")
                .setParameter("sum", sumDelta)
                .setParameter("count", countDelta)
                .setParameter("product", productId)
                .executeUpdate());
    }

    /** A product's reviews, newest first, keyset-paginated on (createdAt, id). */
    public Uni<List<Review>> pageForProduct(long productId, Cursor after, int fetchSize) {
        if (after == null) {
            return find("productId = ?1 order by createdAt desc, id desc", productId).range(0, fetchSize - 1).list();
        }
        return find("productId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                productId, after.instantValue(), after.id())
                .range(0, fetchSize - 1).list();
    }
}
