package com.example.shop.order.repository;

import com.example.shop.common.Cursor;
import com.example.shop.report.BestSeller;
import com.example.shop.report.ReportWindow;
import com.example.shop.order.Order;
import com.example.shop.order.OrderStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Order queries. Placement is native SQL so that an order costs a fixed number of statements whatever its
 * line count: one statement reserves the stock of every line, one writes the order with all its lines.
 * Lists of numbers travel as comma-separated text turned into arrays by PostgreSQL (string_to_array), which
 * binds as a plain parameter through Hibernate Reactive.
 */
@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, Long> {

    /**
     * Django's select_for_update() + F('stock') - qty for all lines at once. The rows are locked in ascending
     * id order (so concurrent orders naming the same products in any order cannot deadlock), then, only if
     * the customer exists and every product is active with enough stock, all are decremented. Anything
     * missing means no row is updated and none is returned.
     */
    private static final String RESERVE_SQL = """
            WITH requested AS (
                SELECT * FROM unnest(string_to_array(:ids, ',')::bigint[], string_to_array(:quantities, ',')::int[])
                    AS r(product_id, quantity)),
            locked AS (
                SELECT p.id, p.stock, p.active FROM product p
                WHERE p.id IN (SELECT product_id FROM requested) ORDER BY p.id FOR UPDATE),
            verdict AS (
                SELECT (SELECT count(*) FROM locked JOIN requested r ON r.product_id = locked.id
                        WHERE locked.active AND locked.stock >= r.quantity) = (SELECT count(*) FROM requested)
                   AND EXISTS (SELECT 1 FROM customer WHERE id = :customer) AS ok)
            UPDATE product p
            SET stock = p.stock - r.quantity, version = p.version + 1, updated_at = now()
            FROM requested r, verdict
            WHERE p.id = r.product_id AND verdict.ok
            RETURNING p.id, p.sku, p.name, coalesce(p.sale_price, p.price)""";

    /**
     * The order row, its lines (sku and name copied from the product rows this transaction holds locked)
     * and the link from the idempotency key, in one statement.
     */
    private static final String INSERT_SQL = """
            WITH next_number AS (SELECT nextval('order_number_seq')::text AS n),
            header AS (
                -- at least 6 digits, never cut (lpad alone would truncate SO-1000000 to SO-100000)
                INSERT INTO orders (number, customer_id, item_count, total)
                SELECT 'SO-' || lpad(n, greatest(6, length(n)), '0'), :customer, :itemCount, :total FROM next_number
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
            SELECT id, number, created_at, updated_at FROM header""";

    /** All time: the first rows of product_sales_rank_idx (totals kept by triggers), whatever the number of lines. */
    private static final String ALL_TIME_BEST_SELLERS_SQL = """
            SELECT p.id, p.sku, p.name, s.units, s.revenue
            FROM product_sales s JOIN product p ON p.id = s.product_id
            WHERE s.units > 0
            ORDER BY s.units DESC, s.revenue DESC, s.product_id
            LIMIT :limit""";

    /** Claims an idempotency key; false when it exists already (a concurrent claimant is waited for). */
    public Uni<Boolean> claimKey(String key, String fingerprint) {
        return getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO idempotency_key (key, fingerprint) VALUES (:key, :fingerprint)
                        ON CONFLICT (key) DO NOTHING RETURNING key""", String.class)
                .setParameter("key", key)
                .setParameter("fingerprint", fingerprint)
                .getResultList())
                .map(rows -> !rows.isEmpty());
    }

    /** The fingerprint and order of a claimed key, as {fingerprint, orderId}. */
    public Uni<Object[]> findKey(String key) {
        return getSession().chain(session -> session.createNativeQuery(
                        "SELECT fingerprint, order_id FROM idempotency_key WHERE key = :key", Object[].class)
                .setParameter("key", key)
                .getSingleResultOrNull());
    }

    public Uni<List<ReservedLine>> reserve(long customerId, List<OrderLine> lines) {
        return getSession().chain(session -> session.createNativeQuery(RESERVE_SQL, Object[].class)
                .setParameter("ids", join(lines, OrderLine::productId))
                .setParameter("quantities", join(lines, OrderLine::quantity))
                .setParameter("customer", customerId)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new ReservedLine(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                                (BigDecimal) row[3]))
                        .toList());
    }

    /** Stock and state of the products of a failed reservation (still locked by this transaction). */
    public Uni<List<ProductAvailability>> availability(List<OrderLine> lines) {
        return getSession().chain(session -> session.createNativeQuery("""
                        SELECT id, stock, active FROM product
                        WHERE id = ANY (string_to_array(:ids, ',')::bigint[])""", Object[].class)
                .setParameter("ids", join(lines, OrderLine::productId))
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new ProductAvailability(((Number) row[0]).longValue(),
                                ((Number) row[1]).intValue(), (Boolean) row[2]))
                        .toList());
    }

    public Uni<Boolean> customerExists(long customerId) {
        return getSession().chain(session -> session.createNativeQuery(
                        "SELECT count(*) FROM customer WHERE id = :id", Long.class)
                .setParameter("id", customerId)
                .getSingleResult())
                .map(count -> count > 0);
    }

    /** Writes the order and its priced lines; {@code key} may be empty. Returns {id, number, createdAt, updatedAt}. */
    public Uni<Object[]> insert(long customerId, List<PricedLine> lines, int itemCount, BigDecimal total, String key) {
        return getSession().chain(session -> session.createNativeQuery(INSERT_SQL, Object[].class)
                .setParameter("customer", customerId)
                .setParameter("itemCount", itemCount)
                .setParameter("total", total)
                .setParameter("ids", join(lines, PricedLine::productId))
                .setParameter("prices", join(lines, l -> l.unitPrice().toPlainString()))
                .setParameter("quantities", join(lines, PricedLine::quantity))
                .setParameter("totals", join(lines, l -> l.lineTotal().toPlainString()))
                .setParameter("key", key == null ? "" : key)
                .getSingleResult());
    }

    /** An order with its lines, in one statement (Django's prefetch_related done as a fetch join). */
    public Uni<Order> findWithItems(long id) {
        return list("from Order o left join fetch o.items where o.id = ?1", id)
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /**
     * A customer's orders, newest first, keyset-paginated on (createdAt, id): one statement for the page's
     * ids, one for those orders with their lines.
     */
    public Uni<List<Order>> pageForCustomer(long customerId, Cursor after, int fetchSize) {
        String keyset = after == null ? "" : " and (o.createdAt < ?2 or (o.createdAt = ?2 and o.id < ?3))";
        Object[] params = after == null
                ? new Object[]{customerId}
                : new Object[]{customerId, after.instantValue(), after.id()};
        return getSession().chain(session -> {
            var query = session.createSelectionQuery("select o.id from Order o where o.customerId = ?1" + keyset
                    + " order by o.createdAt desc, o.id desc", Long.class);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.setMaxResults(fetchSize).getResultList();
        }).chain(ids -> ids.isEmpty()
                ? Uni.createFrom().item(List.<Order>of())
                : list("select distinct o from Order o left join fetch o.items where o.id in ?1"
                        + " order by o.createdAt desc, o.id desc", ids));
    }

    /**
     * Moves an order to {@code to} only if it is in one of the states that allow it: a conditional UPDATE, so
     * two concurrent moves (say two cancels) cannot both succeed; with {@code expectedVersion} (from If-Match)
     * the version must match too. Returns the number of rows changed.
     */
    public Uni<Integer> transition(long id, OrderStatus to, Long expectedVersion) {
        Set<OrderStatus> from = to.allowedFrom();
        return getSession().chain(session -> session.createNativeQuery("""
                        UPDATE orders SET status = :to, version = version + 1, updated_at = now()
                        WHERE id = :id AND status = ANY (string_to_array(:from, ','))
                          AND (:version < 0 OR version = :version)""")
                .setParameter("to", to.name())
                .setParameter("id", id)
                .setParameter("version", expectedVersion == null ? -1L : expectedVersion)
                .setParameter("from", from.stream().map(Enum::name).collect(Collectors.joining(",")))
                .executeUpdate());
    }

    /**
     * Units and revenue per product from the order-line snapshots of non-cancelled orders: one statement,
     * aggregated in the database (orders_report_idx, order_item_report_idx); sku and name are the product's current ones.
     */
    public Uni<List<BestSeller>> bestSellers(ReportWindow window, int limit) {
        String sql = window.allTime() ? ALL_TIME_BEST_SELLERS_SQL : """
                WITH sold AS (
                    SELECT i.product_id, sum(i.quantity) AS units, sum(i.line_total) AS revenue
                    FROM orders o JOIN order_item i ON i.order_id = o.id
                    WHERE o.status <> 'CANCELLED'""" + window.condition("o.created_at") + """

                    GROUP BY i.product_id)
                SELECT p.id, p.sku, p.name, s.units, s.revenue
                FROM sold s JOIN product p ON p.id = s.product_id
                ORDER BY s.units DESC, s.revenue DESC, p.id
                LIMIT :limit""";
        return getSession().chain(session -> window.bind(session.createNativeQuery(sql, Object[].class))
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new BestSeller(((Number) row[0]).longValue(), (String) row[1],
                        (String) row[2], ((Number) row[3]).longValue(), (BigDecimal) row[4])).toList());
    }

    /** Forgets idempotency keys older than {@code cutoff}. */
    public Uni<Integer> purgeKeysBefore(OffsetDateTime cutoff) {
        return getSession().chain(session -> session.createNativeQuery(
                        "DELETE FROM idempotency_key WHERE created_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }

    private static <T> String join(List<T> lines, Function<T, Object> value) {
        return lines.stream().map(value).map(String::valueOf).collect(Collectors.joining(","));
    }
}
