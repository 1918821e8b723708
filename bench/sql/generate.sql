-- Benchmark data generator: plain SQL (generate_series), run by bench/run.sh with psql after the service
-- has migrated the schema (Flyway). Variables (psql -v): products, customers, orders, reviews, pool, hot,
-- pool_customers.
--
-- Shape of the data
--   * categories: a small tree, 5 roots x 4 children x 3 grandchildren = 85 categories (ids 1..85).
--   * products: ids 1..:products, spread over the leaves and middle levels. Ids 1..:hot are the hot
--     products: ~40 % of all order lines name one of them (the rest follow a power law that also favours
--     low ids), so row-lock contention on a few product rows is real. Stock is high (hot: 50 M, others
--     1 M) so order scenarios succeed, except in the "tail" (the last 5 % of ids): stock 0 (the inStock
--     filter has something to drop) and, for the last 1 %, inactive. Load scenarios order only ids
--     1..orderable (= 95 % of the ids), which are all active and in stock.
--   * customers: ids 1..:customers.
--   * orders: ids 1..:orders, 1-5 lines each (~3), quantity 1-3, consistent with the CHECKs
--     (line_total = unit_price x quantity, item_count = sum of quantities > 0, total = sum of line totals);
--     80 % DELIVERED, 5 % each CANCELLED / SHIPPED / PAID / PENDING, created over the last two years.
--     Numbers are 'SO-H0000001' ("historical"), a format the service never produces, so the service's
--     own numbers (SO-000001 from order_number_seq, left untouched) cannot collide with them.
--   * reviews: :reviews reviews by verified buyers (distinct customer/product pairs of non-cancelled
--     orders); each product's rating_sum / rating_count match its reviews.
--   * bench.review_pool: up to :pool further verified (customer, product) pairs WITHOUT a review (customers
--     1..:pool_customers only), in
--     random order, numbered n = 1, 2, ...: the review scenarios consume disjoint ranges of n, so every
--     POST /api/products/{id}/reviews of the benchmark is valid (no 409, no 422).
--   * ids are given explicitly and every id sequence is moved past them afterwards (setval), so the
--     service's Hibernate sequences (allocation 50) and the nextval defaults cannot collide.
\set ON_ERROR_STOP on
\timing on
SET client_min_messages = warning;
SELECT setseed(0.4242);

\echo '[gen] categories'
INSERT INTO category (id, name, slug, parent_id)
SELECT r, 'Department ' || r, 'department-' || r, NULL FROM generate_series(1, 5) r;
INSERT INTO category (id, name, slug, parent_id)
SELECT 5 + (r - 1) * 4 + c, 'Aisle ' || r || '.' || c, 'aisle-' || r || '-' || c, r
FROM generate_series(1, 5) r, generate_series(1, 4) c;
INSERT INTO category (id, name, slug, parent_id)
SELECT 25 + (m - 6) * 3 + g, 'Shelf ' || m || '.' || g, 'shelf-' || m || '-' || g, m
FROM generate_series(6, 25) m, generate_series(1, 3) g;

\echo '[gen] products'
INSERT INTO product (id, sku, name, slug, description, price, sale_price, stock, reorder_level, active,
                     category_id, created_at, updated_at)
SELECT i,
       'SKU-' || lpad(i::text, 7, '0'),
       initcap(adj) || ' ' || initcap(noun) || ' ' || i,
       adj || '-' || noun || '-' || i,
       'A ' || adj || ' ' || noun || ' for everyday use.',
       price,
       CASE WHEN on_sale THEN round(price * 0.8, 2) END,
       CASE WHEN i <= :hot THEN 50000000 WHEN i > :products * 0.95 THEN 0 ELSE 1000000 END,
       (i % 21),
       i <= :products * 0.99,
       -- 80 % in a leaf (26..85), 20 % in a middle category (6..25)
       CASE WHEN i % 5 = 0 THEN 6 + (i / 5) % 20 ELSE 26 + i % 60 END,
       ts, ts
FROM (SELECT i,
             (ARRAY['red','blue','green','small','large','classic','modern','smart','eco','premium'])[1 + i % 10] AS adj,
             (ARRAY['kettle','lamp','chair','mug','backpack','jacket','speaker','notebook','pan','watch','scarf','drill'])[1 + (i / 10) % 12] AS noun,
             round((1 + random() * 499)::numeric, 2) AS price,
             random() < 0.2 AS on_sale,
             now() - random() * interval '1095 days' AS ts
      FROM generate_series(1, :products) i) s;

\echo '[gen] customers'
INSERT INTO customer (id, email, first_name, last_name, created_at, updated_at)
SELECT i, 'customer' || i || '@example.com',
       (ARRAY['Ada','Ben','Chloe','David','Emma','Farid','Grace','Hugo','Ines','Jonas','Kim','Lea'])[1 + i % 12],
       (ARRAY['Martin','Bernard','Dubois','Thomas','Robert','Richard','Petit','Durand','Leroy','Moreau','Simon'])[1 + (i / 12) % 11],
       ts, ts
FROM (SELECT i, now() - random() * interval '1095 days' AS ts FROM generate_series(1, :customers) i) s;

\echo '[gen] order lines (skewed popularity)'
CREATE TEMP TABLE gen_line AS
SELECT DISTINCT ON (order_id, product_id) order_id, product_id, quantity
FROM (SELECT o AS order_id,
             CASE WHEN random() < 0.4 THEN 1 + floor(random() * :hot)::int
                  ELSE 1 + floor(:products * power(random(), 3))::int END AS product_id,
             1 + floor(random() * 3)::int AS quantity
      -- "+ 0 * o" ties the inner series to each order, so each order draws its own line count
      FROM generate_series(1, :orders) o, LATERAL generate_series(1, 1 + floor(random() * 5)::int + 0 * o) k) x
ORDER BY order_id, product_id;

\echo '[gen] orders'
INSERT INTO orders (id, number, customer_id, status, item_count, total, created_at, updated_at)
SELECT t.order_id,
       'SO-H' || lpad(t.order_id::text, 7, '0'),
       1 + floor(:customers * power(random(), 1.5))::int,
       CASE WHEN r < 0.80 THEN 'DELIVERED' WHEN r < 0.85 THEN 'CANCELLED' WHEN r < 0.90 THEN 'SHIPPED'
            WHEN r < 0.95 THEN 'PAID' ELSE 'PENDING' END,
       t.item_count, t.total, ts, ts
FROM (SELECT l.order_id, sum(l.quantity) AS item_count, sum(coalesce(p.sale_price, p.price) * l.quantity) AS total,
             random() AS r,
             now() - interval '730 days' * (1 - l.order_id::float8 / :orders) - random() * interval '1 hour' AS ts
      FROM gen_line l JOIN product p ON p.id = l.product_id
      GROUP BY l.order_id) t;

\echo '[gen] order items'
INSERT INTO order_item (id, order_id, product_id, sku, name, unit_price, quantity, line_total)
SELECT row_number() OVER (ORDER BY l.order_id, l.product_id), l.order_id, l.product_id, p.sku, p.name,
       coalesce(p.sale_price, p.price), l.quantity, coalesce(p.sale_price, p.price) * l.quantity
FROM gen_line l JOIN product p ON p.id = l.product_id;
DROP TABLE gen_line;

\echo '[gen] reviews and the pool of eligible (customer, product) pairs'
CREATE TEMP TABLE gen_pair AS
SELECT customer_id, product_id, row_number() OVER (ORDER BY random()) AS n
FROM (SELECT DISTINCT o.customer_id, i.product_id
      FROM orders o JOIN order_item i ON i.order_id = o.id
      WHERE o.status <> 'CANCELLED') d;

INSERT INTO review (id, product_id, customer_id, rating, title, body, created_at, updated_at)
SELECT n, product_id, customer_id,
       (ARRAY[1, 2, 3, 3, 4, 4, 4, 5, 5, 5])[1 + floor(random() * 10)::int],
       'Review ' || n, 'Generated review of product ' || product_id || '.', ts, ts
FROM (SELECT *, now() - random() * interval '365 days' AS ts FROM gen_pair WHERE n <= :reviews) s;

UPDATE product p SET rating_sum = s.total, rating_count = s.cnt
FROM (SELECT product_id, sum(rating) AS total, count(*) AS cnt FROM review GROUP BY product_id) s
WHERE p.id = s.product_id;

CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS bench.review_pool;
CREATE TABLE bench.review_pool (n bigint PRIMARY KEY, customer_id bigint NOT NULL, product_id bigint NOT NULL);
-- Only customers 1..:pool_customers: the load sends requests as those customers (run.sh mints their tokens).
INSERT INTO bench.review_pool
SELECT row_number() OVER (ORDER BY n), customer_id, product_id
FROM (SELECT * FROM gen_pair WHERE n > :reviews AND customer_id <= :pool_customers ORDER BY n LIMIT :pool) s;
DROP TABLE gen_pair;
-- The pgbench review script takes its pairs from this sequence (set to the start of its range by run.sh).
CREATE SEQUENCE IF NOT EXISTS bench.review_pool_seq;

\echo '[gen] sequences moved past the generated ids'
SELECT setval('category_id_seq', (SELECT max(id) FROM category) + 50),
       setval('product_id_seq', (SELECT max(id) FROM product) + 50),
       setval('customer_id_seq', (SELECT max(id) FROM customer) + 50),
       setval('orders_id_seq', (SELECT max(id) FROM orders) + 50),
       setval('order_item_id_seq', (SELECT max(id) FROM order_item) + 50),
       setval('review_id_seq', coalesce((SELECT max(id) FROM review), 0) + 50) \gset

\echo '[gen] vacuum analyze'
VACUUM ANALYZE category, product, customer, orders, order_item, review, bench.review_pool;

SELECT (SELECT count(*) FROM category) AS categories, (SELECT count(*) FROM product) AS products,
       (SELECT count(*) FROM customer) AS customers, (SELECT count(*) FROM orders) AS orders,
       (SELECT count(*) FROM order_item) AS order_items, (SELECT count(*) FROM review) AS reviews,
       (SELECT count(*) FROM bench.review_pool) AS review_pool,
       (SELECT round(100.0 * count(*) FILTER (WHERE product_id <= :hot) / count(*), 1) FROM order_item) AS hot_line_pct;
