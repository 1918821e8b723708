-- GET /api/reports/best-sellers: OrderRepository.bestSellers without a window, limit 5 (the default).
\set limit 5
WITH sold AS (
    SELECT i.product_id, sum(i.quantity) AS units, sum(i.line_total) AS revenue
    FROM orders o JOIN order_item i ON i.order_id = o.id
    WHERE o.status <> 'CANCELLED'
    GROUP BY i.product_id)
SELECT p.id, p.sku, p.name, s.units, s.revenue
FROM sold s JOIN product p ON p.id = s.product_id
ORDER BY s.units DESC, s.revenue DESC, p.id
LIMIT :limit;
