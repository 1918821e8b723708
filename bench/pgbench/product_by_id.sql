-- GET /api/products/{id}: the one statement the service sends (Hibernate findById, no transaction),
-- copied from PostgreSQL's log (log_statement=all). Variables: -D all_products=N.
\set id random(1, :all_products)
select p1_0.id,p1_0.active,p1_0.average_rating,p1_0.category_id,p1_0.created_at,p1_0.description,p1_0.name,p1_0.price,p1_0.rating_count,p1_0.rating_sum,p1_0.reorder_level,p1_0.sale_price,p1_0.sku,p1_0.slug,p1_0.stock,p1_0.updated_at,p1_0.version from product p1_0 where p1_0.id=:id;
