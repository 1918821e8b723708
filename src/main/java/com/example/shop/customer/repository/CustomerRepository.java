package com.example.shop.customer.repository;

import com.example.shop.common.Timestamps;
import com.example.shop.customer.Customer;
import com.example.shop.report.ReportWindow;
import com.example.shop.report.TopCustomer;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;

/** Customer queries, including the top-customers report. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, Long> {

    /** The customer with this email, compared case-insensitively (customer_email_uq is on lower(email)). */
    public Uni<Customer> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email.trim()).firstResult();
    }

    /**
     * All time: the first rows of customer_spend_rank_idx (totals kept by triggers), whatever the number of
     * orders; the last order date is looked up for those rows only.
     */
    private static final String ALL_TIME_TOP_SQL = """
            SELECT c.id, c.email, c.first_name, c.last_name, s.order_count, s.total_spent,
                   (SELECT max(o.created_at) FROM orders o
                    WHERE o.customer_id = s.customer_id AND o.status <> 'CANCELLED') AS last_order_at
            FROM customer_spend s JOIN customer c ON c.id = s.customer_id
            WHERE s.order_count > 0
            ORDER BY s.total_spent DESC, s.customer_id
            LIMIT :limit""";

    /**
     * Django's values('customer').annotate(Count, Sum, Max).order_by('-total'): one statement, aggregated in
     * the database over non-cancelled orders (orders_report_idx), the customer joined after grouping.
     */
    public Uni<List<TopCustomer>> topCustomers(ReportWindow window, int limit) {
        String sql = window.allTime() ? ALL_TIME_TOP_SQL : """
                WITH spend AS (
                    SELECT o.customer_id, count(*) AS order_count, sum(o.total) AS total_spent,
                           max(o.created_at) AS last_order_at
                    FROM orders o
                    WHERE o.status <> 'CANCELLED'""" + window.condition("o.created_at") + """

                    GROUP BY o.customer_id)
                SELECT c.id, c.email, c.first_name, c.last_name, s.order_count, s.total_spent, s.last_order_at
                FROM spend s JOIN customer c ON c.id = s.customer_id
                ORDER BY s.total_spent DESC, c.id
                LIMIT :limit""";
        return getSession().chain(session -> window.bind(session.createNativeQuery(sql, Object[].class))
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream().map(row -> new TopCustomer(((Number) row[0]).longValue(), (String) row[1],
                        (String) row[2], (String) row[3], ((Number) row[4]).longValue(), (BigDecimal) row[5],
                        Timestamps.toInstant(row[6]))).toList());
    }
}
