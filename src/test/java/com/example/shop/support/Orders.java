package com.example.shop.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Writes an order row straight into the database, for tests that only need an order to exist. */
public final class Orders {

    private Orders() {
    }

    public static void insert(DataSource dataSource, long customerId, long productId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement order = connection.prepareStatement("""
                     INSERT INTO orders (number, customer_id, item_count, total)
                     VALUES ('T-' || nextval('order_number_seq'), ?, 1, 1.00) RETURNING id""");
             PreparedStatement item = connection.prepareStatement("""
                     INSERT INTO order_item (order_id, product_id, sku, name, unit_price, quantity, line_total)
                     VALUES (?, ?, 'SKU', 'Name', 1.00, 1, 1.00)""")) {
            order.setLong(1, customerId);
            var rows = order.executeQuery();
            rows.next();
            item.setLong(1, rows.getLong(1));
            item.setLong(2, productId);
            item.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
