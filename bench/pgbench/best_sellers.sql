-- GET /api/reports/best-sellers: OrderRepository.bestSellers without a window (the totals kept by the V5
-- triggers), limit 5 (the default), as logged.
\set limit 5
SELECT p.id, p.sku, p.name, s.units, s.revenue
FROM product_sales s JOIN product p ON p.id = s.product_id
WHERE s.units > 0
ORDER BY s.units DESC, s.revenue DESC, s.product_id
LIMIT :limit;
