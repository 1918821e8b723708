-- All-time totals for the reports, kept exact by triggers in the transaction that changes an order.
-- Without them an all-time report aggregates every order (and every line): at 1M orders and 3M lines
-- that takes seconds; with them it reads the top rows of an index. Windowed reports still aggregate
-- the orders of their window (orders_report_idx, order_item_report_idx).
-- Totals only move by deltas (never "recount and overwrite"), so concurrent transactions cannot lose
-- each other's changes.

CREATE TABLE customer_spend (
    customer_id bigint PRIMARY KEY REFERENCES customer (id) ON DELETE CASCADE,
    order_count bigint NOT NULL CHECK (order_count >= 0),
    total_spent numeric NOT NULL CHECK (total_spent >= 0)
);
CREATE INDEX customer_spend_rank_idx ON customer_spend (total_spent DESC, customer_id) WHERE order_count > 0;

CREATE TABLE product_sales (
    product_id bigint PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,
    units      bigint NOT NULL CHECK (units >= 0),
    revenue    numeric NOT NULL CHECK (revenue >= 0)
);
CREATE INDEX product_sales_rank_idx ON product_sales (units DESC, revenue DESC, product_id) WHERE units > 0;

-- New orders that are not cancelled count for their customer (one upsert per statement).
CREATE FUNCTION count_new_orders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_spend AS s (customer_id, order_count, total_spent)
    SELECT customer_id, count(*), sum(total) FROM new_orders WHERE status <> 'CANCELLED' GROUP BY customer_id
    ON CONFLICT (customer_id) DO UPDATE
        SET order_count = s.order_count + excluded.order_count, total_spent = s.total_spent + excluded.total_spent;
    RETURN NULL;
END $$;
CREATE TRIGGER orders_count_new AFTER INSERT ON orders
    REFERENCING NEW TABLE AS new_orders FOR EACH STATEMENT EXECUTE FUNCTION count_new_orders();

-- New lines of orders that are not cancelled count for their product. The product rows are locked
-- already by the order placement that writes them (stock reservation), so no new lock order arises.
CREATE FUNCTION count_new_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO product_sales AS s (product_id, units, revenue)
    SELECT i.product_id, sum(i.quantity), sum(i.line_total)
    FROM new_lines i JOIN orders o ON o.id = i.order_id
    WHERE o.status <> 'CANCELLED'
    GROUP BY i.product_id
    ON CONFLICT (product_id) DO UPDATE
        SET units = s.units + excluded.units, revenue = s.revenue + excluded.revenue;
    RETURN NULL;
END $$;
CREATE TRIGGER order_item_count_new AFTER INSERT ON order_item
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION count_new_lines();

-- An order moving into CANCELLED stops counting (and, for completeness, one moving out counts again); a
-- changed total of a counted order moves the customer's spend. Decrements are UPDATEs: an upsert would
-- check its negative candidate row against the CHECKs before finding the conflict. Products are locked in
-- id order before their totals, the order every other writer of product rows follows, so this cannot
-- deadlock with a concurrent placement.
CREATE FUNCTION recount_changed_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    counted_before boolean := OLD.status <> 'CANCELLED';
    counted_after  boolean := NEW.status <> 'CANCELLED';
BEGIN
    IF counted_before <> counted_after THEN
        PERFORM 1 FROM product WHERE id IN (SELECT product_id FROM order_item WHERE order_id = NEW.id)
            ORDER BY id FOR UPDATE;
    END IF;
    IF counted_before AND NOT counted_after THEN
        UPDATE product_sales s SET units = s.units - l.units, revenue = s.revenue - l.revenue
        FROM (SELECT product_id, sum(quantity) AS units, sum(line_total) AS revenue
              FROM order_item WHERE order_id = NEW.id GROUP BY product_id) l
        WHERE s.product_id = l.product_id;
        UPDATE customer_spend SET order_count = order_count - 1, total_spent = total_spent - OLD.total
        WHERE customer_id = OLD.customer_id;
    ELSIF counted_after AND NOT counted_before THEN
        INSERT INTO product_sales AS s (product_id, units, revenue)
        SELECT product_id, sum(quantity), sum(line_total) FROM order_item WHERE order_id = NEW.id GROUP BY product_id
        ON CONFLICT (product_id) DO UPDATE
            SET units = s.units + excluded.units, revenue = s.revenue + excluded.revenue;
        INSERT INTO customer_spend AS s (customer_id, order_count, total_spent) VALUES (NEW.customer_id, 1, NEW.total)
        ON CONFLICT (customer_id) DO UPDATE
            SET order_count = s.order_count + 1, total_spent = s.total_spent + excluded.total_spent;
    ELSIF counted_after THEN
        UPDATE customer_spend SET total_spent = total_spent + NEW.total - OLD.total WHERE customer_id = NEW.customer_id;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER orders_recount_changed AFTER UPDATE OF status, total ON orders
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.total IS DISTINCT FROM NEW.total)
    EXECUTE FUNCTION recount_changed_order();

-- Totals of the orders that exist already.
INSERT INTO customer_spend (customer_id, order_count, total_spent)
SELECT customer_id, count(*), sum(total) FROM orders WHERE status <> 'CANCELLED' GROUP BY customer_id;
INSERT INTO product_sales (product_id, units, revenue)
SELECT i.product_id, sum(i.quantity), sum(i.line_total)
FROM order_item i JOIN orders o ON o.id = i.order_id
WHERE o.status <> 'CANCELLED'
GROUP BY i.product_id;
