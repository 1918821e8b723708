-- GET /api/reports/top-customers: CustomerRepository.topCustomers without a window (the totals kept by the
-- V5 triggers), limit 10, as logged.
\set limit 10
SELECT c.id, c.email, c.first_name, c.last_name, s.order_count, s.total_spent,
       (SELECT max(o.created_at) FROM orders o
        WHERE o.customer_id = s.customer_id AND o.status <> 'CANCELLED') AS last_order_at
FROM customer_spend s JOIN customer c ON c.id = s.customer_id
WHERE s.order_count > 0
ORDER BY s.total_spent DESC, s.customer_id
LIMIT :limit;
