-- Indexes for the reports, which count non-cancelled orders inside an optional createdAt window.
-- Top customers: a partial, covering index, so the window scan reads the index only.
CREATE INDEX orders_report_idx ON orders (created_at) INCLUDE (customer_id, total, id)
    WHERE status <> 'CANCELLED';
-- Best sellers: the lines of those orders, again without touching the table.
CREATE INDEX order_item_report_idx ON order_item (order_id) INCLUDE (product_id, quantity, line_total);
-- Verified-buyer check of a review: has this customer a non-cancelled order with this product?
CREATE INDEX orders_customer_status_idx ON orders (customer_id) INCLUDE (status);
