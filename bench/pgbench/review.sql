-- POST /api/products/{id}/reviews: ReviewService.create as logged: BEGIN; product by id; customer by id;
-- verified-buyer count; insert review; rating upkeep; COMMIT. Hibernate fetches review ids with
-- "select nextval('review_id_seq')" once per 50 inserts (allocation size 50); here nextval is inlined in the
-- insert (one sequence step per review, a cost of the same order).
-- The first statement is benchmark bookkeeping, not service work: it takes the next unused verified
-- (customer, product) pair from bench.review_pool (bench.review_pool_seq is set to the start of this run's
-- range by run.sh), so that every review is valid, as in the HTTP scenarios.
-- The customer select is the one of the service with accounts (customer.password_hash mapped); on a schema
-- without that column run.sh drops it from the select list, as the service did before accounts existed.
\set rating random(1, 5)
SELECT customer_id AS customer, product_id AS product FROM bench.review_pool WHERE n = (SELECT nextval('bench.review_pool_seq')) \gset
BEGIN;
select p1_0.id,p1_0.active,p1_0.average_rating,p1_0.category_id,p1_0.created_at,p1_0.description,p1_0.name,p1_0.price,p1_0.rating_count,p1_0.rating_sum,p1_0.reorder_level,p1_0.sale_price,p1_0.sku,p1_0.slug,p1_0.stock,p1_0.updated_at,p1_0.version from product p1_0 where p1_0.id=:product;
select c1_0.id,c1_0.created_at,c1_0.email,c1_0.first_name,c1_0.last_name,c1_0.password_hash,c1_0.updated_at,c1_0.version from customer c1_0 where c1_0.id=:customer;
SELECT count(*) FROM orders o JOIN order_item i ON i.order_id = o.id
WHERE o.customer_id = :customer AND i.product_id = :product AND o.status <> 'CANCELLED';
insert into review (body,created_at,customer_id,product_id,rating,title,updated_at,version,id) values ('Written by the benchmark.',now(),:customer,:product,:rating,'Benchmark',now(),0,nextval('review_id_seq'));
UPDATE product SET rating_sum = rating_sum + :rating, rating_count = rating_count + 1
WHERE id = :product;
COMMIT;
