-- Idempotency-Key of POST /api/orders. The key is claimed (inserted) first in the order's transaction, so
-- concurrent duplicates wait on the primary key and then replay the winner's order; it is linked to the
-- order in the same transaction. Keys are kept 7 days (purged hourly by the application).
CREATE TABLE idempotency_key (
    key         varchar(255) PRIMARY KEY,
    -- SHA-256 of the normalized request (customer, merged and sorted lines): another body → 422.
    fingerprint char(64) NOT NULL,
    order_id    bigint REFERENCES orders (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
