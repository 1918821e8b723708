-- GET /api/reports/top-customers: CustomerRepository.topCustomers without a window, limit 10, as logged.
\set limit 10
WITH spend AS (
    SELECT o.customer_id, count(*) AS order_count, sum(o.total) AS total_spent,
           max(o.created_at) AS last_order_at
    FROM orders o
    WHERE o.status <> 'CANCELLED'
    GROUP BY o.customer_id)
SELECT c.id, c.email, c.first_name, c.last_name, s.order_count, s.total_spent, s.last_order_at
FROM spend s JOIN customer c ON c.id = s.customer_id
ORDER BY s.total_spent DESC, c.id
LIMIT :limit;
