-- Demo catalog for dev mode only (quarkus.flyway.locations in the %dev profile). Idempotent: re-running
-- it after an edit changes nothing that is already there.

INSERT INTO category (name, slug, parent_id) VALUES
    ('Electronics', 'electronics', NULL),
    ('Home & Kitchen', 'home-kitchen', NULL),
    ('Books', 'books', NULL)
ON CONFLICT (slug) DO NOTHING;

INSERT INTO category (name, slug, parent_id)
SELECT sub.name, sub.slug, parent.id
FROM (VALUES ('Phones', 'phones', 'electronics'),
             ('Laptops', 'laptops', 'electronics'),
             ('Audio', 'audio', 'electronics'),
             ('Cookware', 'cookware', 'home-kitchen'),
             ('Furniture', 'furniture', 'home-kitchen'),
             ('Fiction', 'fiction', 'books'),
             ('Science', 'science', 'books')) AS sub(name, slug, parent_slug)
JOIN category parent ON parent.slug = sub.parent_slug
ON CONFLICT (slug) DO NOTHING;

-- A third level, so that category filters visibly include sub-subcategories.
INSERT INTO category (name, slug, parent_id)
SELECT 'Headphones', 'headphones', id FROM category WHERE slug = 'audio'
ON CONFLICT (slug) DO NOTHING;

-- 50 products spread over the leaf categories: some on sale, some low on stock, one inactive.
INSERT INTO product (sku, name, slug, description, price, sale_price, stock, reorder_level, active, category_id)
SELECT 'DEMO-' || lpad(n::text, 3, '0'),
       leaf.label || ' ' || n,
       leaf.slug || '-' || n,
       'Demo ' || lower(leaf.label) || ' number ' || n,
       (9.90 + n * 7.5)::numeric(12, 2),
       CASE WHEN n % 5 = 0 THEN (9.90 + n * 7.5 - 5)::numeric(12, 2) END,
       CASE WHEN n % 7 = 0 THEN 2 ELSE 10 + n * 3 END,
       5,
       n <> 50,
       (SELECT id FROM category WHERE slug = leaf.slug)
FROM generate_series(1, 50) AS n
JOIN (VALUES (0, 'phones', 'Phone'), (1, 'laptops', 'Laptop'), (2, 'headphones', 'Headphones'),
             (3, 'cookware', 'Pan'), (4, 'furniture', 'Chair'), (5, 'fiction', 'Novel'),
             (6, 'science', 'Textbook')) AS leaf(k, slug, label) ON leaf.k = n % 7
ON CONFLICT (sku) DO NOTHING;

-- Demo customers all log in with the password "demo-password" (bcrypt hash below; dev only).
INSERT INTO customer (email, first_name, last_name, password_hash)
SELECT email, first_name, last_name, '$2a$10$mbvy0TUV6PeqLGgcRFY7g.Z5wlZZkcNNUmeOROdENVJG9.PS25cGm'
FROM (VALUES ('ada@example.com', 'Ada', 'Lovelace'),
             ('alan@example.com', 'Alan', 'Turing'),
             ('grace@example.com', 'Grace', 'Hopper'),
             ('edsger@example.com', 'Edsger', 'Dijkstra'),
             ('barbara@example.com', 'Barbara', 'Liskov')) AS demo(email, first_name, last_name)
ON CONFLICT (lower(email)) DO NOTHING;
