-- POST /api/orders without Idempotency-Key: OrderService.place = BEGIN; RESERVE_SQL; INSERT_SQL; COMMIT
-- (OrderRepository), with the same order mix as the wrk script and the driver: 1-5 lines, line 1 on a
-- hot product, line k on slice k-1 of the other orderable products, quantity 1-3, random customer.
-- Variables: -D products=<orderable> -D hot=H -D customers=N.
--
-- Two differences from the service, both client-side work the service does in Java:
--  * the comma-separated id and quantity lists are built inside the statement (concat_ws of the line
--    variables; absent lines are 0 and dropped by nullif) instead of being bound as ready strings;
--  * RESERVE_SQL's final UPDATE is wrapped in a CTE and its 1-5 returned rows are folded into one row
--    (string_agg, sum) so that \gset can hand prices, line totals, item count and total to INSERT_SQL, as
--    OrderService.write computes them in BigDecimal from the returned prices.
-- The row locks, the stock check, the decrement and the insert are the service's, statement for statement.
\set nlines random(1, 5)
\set slice (:products - :hot) / 4
\set customer random(1, :customers)
\set p1 random(1, :hot)
\set q1 random(1, 3)
\set p2 case when :nlines >= 2 then :hot + random(1, :slice) else 0 end
\set q2 case when :nlines >= 2 then random(1, 3) else 0 end
\set p3 case when :nlines >= 3 then :hot + :slice + random(1, :slice) else 0 end
\set q3 case when :nlines >= 3 then random(1, 3) else 0 end
\set p4 case when :nlines >= 4 then :hot + 2 * :slice + random(1, :slice) else 0 end
\set q4 case when :nlines >= 4 then random(1, 3) else 0 end
\set p5 case when :nlines >= 5 then :hot + 3 * :slice + random(1, :slice) else 0 end
\set q5 case when :nlines >= 5 then random(1, 3) else 0 end
BEGIN;
WITH requested AS (
    SELECT * FROM unnest(string_to_array(concat_ws(',', :p1::bigint, nullif(:p2::bigint, 0), nullif(:p3::bigint, 0), nullif(:p4::bigint, 0), nullif(:p5::bigint, 0)), ',')::bigint[],
                         string_to_array(concat_ws(',', :q1::int, nullif(:q2::int, 0), nullif(:q3::int, 0), nullif(:q4::int, 0), nullif(:q5::int, 0)), ',')::int[])
        AS r(product_id, quantity)),
locked AS (
    SELECT p.id, p.stock, p.active FROM product p
    WHERE p.id IN (SELECT product_id FROM requested) ORDER BY p.id FOR UPDATE),
verdict AS (
    SELECT (SELECT count(*) FROM locked JOIN requested r ON r.product_id = locked.id
            WHERE locked.active AND locked.stock >= r.quantity) = (SELECT count(*) FROM requested)
       AND EXISTS (SELECT 1 FROM customer WHERE id = :customer) AS ok),
reserved AS (
UPDATE product p
SET stock = p.stock - r.quantity, version = p.version + 1, updated_at = now()
FROM requested r, verdict
WHERE p.id = r.product_id AND verdict.ok
RETURNING p.id, p.sku, p.name, coalesce(p.sale_price, p.price) AS unit_price, r.quantity)
SELECT string_agg(id::text, ',' ORDER BY id) AS ids, string_agg(unit_price::text, ',' ORDER BY id) AS prices,
       string_agg(quantity::text, ',' ORDER BY id) AS quantities,
       string_agg((unit_price * quantity)::text, ',' ORDER BY id) AS totals,
       sum(quantity) AS "itemCount", sum(unit_price * quantity) AS total, '' AS key
FROM reserved \gset
WITH header AS (
    INSERT INTO orders (number, customer_id, item_count, total)
    VALUES ('SO-' || lpad(nextval('order_number_seq')::text, 6, '0'), :customer, :itemCount, :total)
    RETURNING id, number, created_at, updated_at),
lines AS (
    INSERT INTO order_item (order_id, product_id, sku, name, unit_price, quantity, line_total)
    SELECT header.id, p.id, p.sku, p.name, l.unit_price, l.quantity, l.line_total
    FROM header
    CROSS JOIN unnest(string_to_array(:ids, ',')::bigint[], string_to_array(:prices, ',')::numeric[],
                      string_to_array(:quantities, ',')::int[], string_to_array(:totals, ',')::numeric[])
        AS l(product_id, unit_price, quantity, line_total)
    JOIN product p ON p.id = l.product_id),
link AS (
    UPDATE idempotency_key SET order_id = (SELECT id FROM header) WHERE key = :key)
SELECT id, number, created_at, updated_at FROM header;
COMMIT;
