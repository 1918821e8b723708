-- GET /api/products?category=<c>&inStock=true&sort=price: ProductRepository.search with the
-- CategoryRepository.SUBTREE_IDS_SQL fragment, exactly as logged: one page per category of the subtree
-- (LATERAL, from product_category_price_idx), merged (limit 21 = page of 20 + 1 to know whether there
-- is a next page). Variables: -D categories=N.
\set category random(1, :categories)
\set active true
\set fetchSize 21
SELECT p.* FROM (WITH RECURSIVE subtree(id) AS (
    SELECT id FROM category WHERE id = :category
    UNION
    SELECT c.id FROM category c JOIN subtree s ON c.parent_id = s.id)
SELECT id FROM subtree) s CROSS JOIN LATERAL (SELECT p.* FROM product p WHERE p.active = :active AND p.category_id = s.id AND p.stock > 0 ORDER BY coalesce(p.sale_price, p.price), p.id LIMIT :fetchSize) p ORDER BY coalesce(p.sale_price, p.price), p.id LIMIT :fetchSize;
