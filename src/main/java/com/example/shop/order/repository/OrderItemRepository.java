package com.example.shop.order.repository;

import com.example.shop.order.OrderItem;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Order-line queries. */
@ApplicationScoped
public class OrderItemRepository implements PanacheRepositoryBase<OrderItem, Long> {

    /** Gives the stock of a cancelled order's lines back, locking the products in ascending id order. */
    public Uni<Integer> restock(long orderId) {
        return getSession().chain(session -> session.createNativeQuery("""
                        WITH locked AS (
                            SELECT p.id FROM product p JOIN order_item i ON i.product_id = p.id
                            WHERE i.order_id = :order ORDER BY p.id FOR UPDATE OF p)
                        UPDATE product p
                        SET stock = p.stock + i.quantity, version = p.version + 1, updated_at = now()
                        FROM order_item i, locked
                        WHERE i.order_id = :order AND p.id = i.product_id AND locked.id = p.id""")
                .setParameter("order", orderId)
                .executeUpdate());
    }
}
