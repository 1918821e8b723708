-- Invariants after the load (psql -v phase=before|after). "before" snapshots, "after" prints one JSON object.
-- Zero oversell: no product has stock < 0, and for every product stock + units in non-cancelled orders is
-- the same before and after the run (the benchmark never cancels, so every unit ordered must have left the
-- stock exactly once). Also checks that every order written during the run has total = sum of its line
-- totals and item_count = sum of its quantities, and that each product's rating_sum / rating_count still
-- match its reviews, and (when the schema keeps them) that the all-time report totals per customer and
-- product still equal the aggregates of their orders.
\set ON_ERROR_STOP on
SELECT :'phase' = 'before' AS is_before \gset
\if :is_before
DROP TABLE IF EXISTS bench.stock_before;
CREATE TABLE bench.stock_before AS
SELECT p.id, p.stock, coalesce(s.units, 0) AS ordered
FROM product p
LEFT JOIN (SELECT i.product_id, sum(i.quantity) AS units
           FROM order_item i JOIN orders o ON o.id = i.order_id
           WHERE o.status <> 'CANCELLED' GROUP BY i.product_id) s ON s.product_id = p.id;
DROP TABLE IF EXISTS bench.orders_before;
CREATE TABLE bench.orders_before AS
SELECT coalesce(max(id), 0) AS max_id, count(*) AS n FROM orders;
\else
WITH now_ AS (
    SELECT p.id, p.stock, coalesce(s.units, 0) AS ordered
    FROM product p
    LEFT JOIN (SELECT i.product_id, sum(i.quantity) AS units
               FROM order_item i JOIN orders o ON o.id = i.order_id
               WHERE o.status <> 'CANCELLED' GROUP BY i.product_id) s ON s.product_id = p.id),
cmp AS (
    SELECT b.id, b.stock AS stock_before, n.stock AS stock_after, b.ordered AS ordered_before, n.ordered AS ordered_after
    FROM bench.stock_before b JOIN now_ n ON n.id = b.id),
new_orders AS (
    SELECT o.id, o.total, o.item_count, sum(i.line_total) AS lines_total, sum(i.quantity) AS lines_units, count(i.id) AS lines
    FROM orders o LEFT JOIN order_item i ON i.order_id = o.id
    WHERE o.id > (SELECT max_id FROM bench.orders_before)
    GROUP BY o.id, o.total, o.item_count),
ratings AS (
    SELECT p.id FROM product p
    LEFT JOIN (SELECT product_id, sum(rating) AS s, count(*) AS c FROM review GROUP BY product_id) r ON r.product_id = p.id
    WHERE p.rating_sum <> coalesce(r.s, 0) OR p.rating_count <> coalesce(r.c, 0))
SELECT json_build_object(
    'negative_stock_products', (SELECT count(*) FROM product WHERE stock < 0),
    'products_touched', (SELECT count(*) FROM cmp WHERE stock_before <> stock_after OR ordered_before <> ordered_after),
    'conservation_violations', (SELECT count(*) FROM cmp WHERE stock_before + ordered_before <> stock_after + ordered_after),
    'units_ordered_during_run', (SELECT coalesce(sum(ordered_after - ordered_before), 0) FROM cmp),
    'stock_taken_during_run', (SELECT coalesce(sum(stock_before - stock_after), 0) FROM cmp),
    'orders_written_during_run', (SELECT count(*) FROM new_orders),
    'inconsistent_new_orders', (SELECT count(*) FROM new_orders
                                WHERE lines = 0 OR total <> lines_total OR item_count <> lines_units),
    'rating_mismatches', (SELECT count(*) FROM ratings),
    'report_total_mismatches', CASE WHEN to_regclass('product_sales') IS NULL THEN NULL ELSE (
        (SELECT count(*) FROM (SELECT product_id, units, revenue FROM product_sales WHERE units > 0
                               EXCEPT
                               SELECT i.product_id, sum(i.quantity), sum(i.line_total)
                               FROM order_item i JOIN orders o ON o.id = i.order_id
                               WHERE o.status <> 'CANCELLED' GROUP BY i.product_id) d)
      + (SELECT count(*) FROM (SELECT customer_id, order_count, total_spent FROM customer_spend WHERE order_count > 0
                               EXCEPT
                               SELECT customer_id, count(*), sum(total) FROM orders
                               WHERE status <> 'CANCELLED' GROUP BY customer_id) d)) END,
    'reviews_total', (SELECT count(*) FROM review)
);
\endif
