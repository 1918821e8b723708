-- The product list of a category reads, for each category of the subtree, one page in sort order from
-- these indexes (ProductRepository.search), so its cost does not grow with the catalog. Descending sorts
-- read them backwards. They lead with category_id, so the plain category index is no longer needed.
CREATE INDEX product_category_name_idx ON product (category_id, name, id);
CREATE INDEX product_category_price_idx ON product (category_id, (coalesce(sale_price, price)), id);
CREATE INDEX product_category_created_at_idx ON product (category_id, created_at, id);
CREATE INDEX product_category_rating_idx ON product (category_id, (coalesce(average_rating, 0)), id);
DROP INDEX product_category_idx;
