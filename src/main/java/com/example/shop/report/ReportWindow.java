package com.example.shop.report;

import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;

/**
 * The createdAt window of a report: from inclusive, to exclusive, either open. Renders the SQL condition
 * on a given column from fixed text and binds the bounds it uses as :from and :to.
 */
public record ReportWindow(Instant from, Instant to) {

    /** No bound at all: the report may read the totals kept per customer and product (V5 migration). */
    public boolean allTime() {
        return from == null && to == null;
    }

    public String condition(String column) {
        return (from == null ? "" : " AND " + column + " >= :from") + (to == null ? "" : " AND " + column + " < :to");
    }

    public <T> Mutiny.SelectionQuery<T> bind(Mutiny.SelectionQuery<T> query) {
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }
}
