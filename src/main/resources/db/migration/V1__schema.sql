-- The whole shop schema. Hibernate only validates it (quarkus.hibernate-orm.schema-management.strategy=validate).
-- Ids come from sequences that step by 50 so Hibernate can hand out ids in batches (bulk inserts stay cheap).

CREATE SEQUENCE category_id_seq INCREMENT BY 50;
CREATE SEQUENCE product_id_seq INCREMENT BY 50;
CREATE SEQUENCE customer_id_seq INCREMENT BY 50;
CREATE SEQUENCE orders_id_seq INCREMENT BY 50;
CREATE SEQUENCE order_item_id_seq INCREMENT BY 50;
CREATE SEQUENCE review_id_seq INCREMENT BY 50;
-- Human-facing order numbers (SO-000042), independent of ids.
CREATE SEQUENCE order_number_seq;

CREATE TABLE category (
    id         bigint PRIMARY KEY DEFAULT nextval('category_id_seq'),
    name       varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    slug       varchar(200) NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    -- PROTECT: a category with children cannot be deleted.
    parent_id  bigint REFERENCES category (id) ON DELETE RESTRICT,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint NOT NULL DEFAULT 0,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX category_slug_uq ON category (slug);
CREATE INDEX category_parent_idx ON category (parent_id);

CREATE TABLE product (
    id            bigint PRIMARY KEY DEFAULT nextval('product_id_seq'),
    sku           varchar(64) NOT NULL CHECK (btrim(sku) <> ''),
    name          varchar(200) NOT NULL CHECK (btrim(name) <> ''),
    slug          varchar(200) NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description   text,
    price         numeric(12, 2) NOT NULL CHECK (price >= 0),
    sale_price    numeric(12, 2) CHECK (sale_price >= 0 AND sale_price < price),
    stock         integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
    reorder_level integer NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
    active        boolean NOT NULL DEFAULT true,
    -- PROTECT: a category that still holds products cannot be deleted.
    category_id   bigint NOT NULL REFERENCES category (id) ON DELETE RESTRICT,
    -- Kept exact by atomic SQL in the same transaction as each review change.
    rating_sum    bigint NOT NULL DEFAULT 0 CHECK (rating_sum >= 0),
    rating_count  integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
    average_rating numeric(3, 2) GENERATED ALWAYS AS (
        CASE WHEN rating_count > 0 THEN round(rating_sum::numeric / rating_count, 2) END) STORED,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX product_sku_uq ON product (sku);
CREATE UNIQUE INDEX product_slug_uq ON product (slug);
CREATE INDEX product_category_idx ON product (category_id);
-- Keyset pagination of GET /api/products for each sort (ties broken by id).
CREATE INDEX product_name_idx ON product (name, id);
CREATE INDEX product_effective_price_idx ON product ((coalesce(sale_price, price)), id);
CREATE INDEX product_created_at_idx ON product (created_at, id);
CREATE INDEX product_rating_idx ON product ((coalesce(average_rating, 0)), id);
-- GET /api/products/low-stock: a small partial index over the products that need reordering.
CREATE INDEX product_low_stock_idx ON product (stock, id) WHERE active AND stock < reorder_level;

CREATE TABLE customer (
    id         bigint PRIMARY KEY DEFAULT nextval('customer_id_seq'),
    email      varchar(254) NOT NULL CHECK (position('@' IN email) > 1),
    first_name varchar(100) NOT NULL CHECK (btrim(first_name) <> ''),
    last_name  varchar(100) NOT NULL CHECK (btrim(last_name) <> ''),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint NOT NULL DEFAULT 0
);
-- Email is unique case-insensitively.
CREATE UNIQUE INDEX customer_email_uq ON customer (lower(email));

CREATE TABLE orders (
    id         bigint PRIMARY KEY DEFAULT nextval('orders_id_seq'),
    number     varchar(32) NOT NULL,
    -- PROTECT: a customer with orders cannot be deleted.
    customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE RESTRICT,
    status     varchar(16) NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    item_count integer NOT NULL CHECK (item_count > 0),
    total      numeric(12, 2) NOT NULL CHECK (total >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX orders_number_uq ON orders (number);
-- GET /api/customers/{id}/orders: newest first, keyset on (created_at, id).
CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at DESC, id DESC);

CREATE TABLE order_item (
    id         bigint PRIMARY KEY DEFAULT nextval('order_item_id_seq'),
    -- Lines live and die with their order.
    order_id   bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    -- PROTECT: an ordered product cannot be deleted (deactivate it instead).
    product_id bigint NOT NULL REFERENCES product (id) ON DELETE RESTRICT,
    -- Snapshots taken at order time: later catalog edits don't rewrite history.
    sku        varchar(64) NOT NULL,
    name       varchar(200) NOT NULL,
    unit_price numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
    quantity   integer NOT NULL CHECK (quantity > 0),
    line_total numeric(12, 2) NOT NULL CHECK (line_total >= 0),
    CHECK (line_total = unit_price * quantity)
);
CREATE UNIQUE INDEX order_item_order_product_uq ON order_item (order_id, product_id);
CREATE INDEX order_item_product_idx ON order_item (product_id);

CREATE TABLE review (
    id          bigint PRIMARY KEY DEFAULT nextval('review_id_seq'),
    -- Reviews go with their product...
    product_id  bigint NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    -- ...and with their author.
    customer_id bigint NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title       varchar(200),
    body        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint NOT NULL DEFAULT 0
);
-- One review per customer and product.
CREATE UNIQUE INDEX review_customer_product_uq ON review (customer_id, product_id);
-- GET /api/products/{id}/reviews: newest first.
CREATE INDEX review_product_created_idx ON review (product_id, created_at DESC, id DESC);
