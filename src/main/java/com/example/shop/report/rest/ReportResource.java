package com.example.shop.report.rest;

import com.example.shop.common.ProblemException;
import com.example.shop.common.QueryParams;
import com.example.shop.report.BestSeller;
import com.example.shop.report.ReportWindow;
import com.example.shop.report.TopCustomer;
import com.example.shop.report.service.ReportService;
import com.example.shop.account.Role;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** HTTP mapping of the sales reports. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@RolesAllowed(Role.STAFF)
public class ReportResource {

    private static final int MAX_LIMIT = 100;
    private static final String WINDOW = "Counts non-cancelled orders. from/to are ISO dates (UTC days, both "
            + "inclusive: from=2026-11-01&to=2026-11-30 is all of November) or ISO timestamps (from inclusive, "
            + "to exclusive); either may be left out. limit is capped at 100.";

    private final ReportService service;

    public ReportResource(ReportService service) {
        this.service = service;
    }

    @GET
    @Path("top-customers")
    @Operation(summary = "Customers by spend", description = "Highest total spent first (ties by customer id), with "
            + "order count and last order time. limit defaults to 10. " + WINDOW)
    public Uni<List<TopCustomer>> topCustomers(@RestQuery String from, @RestQuery String to, @RestQuery String limit) {
        return service.topCustomers(window(from, to), QueryParams.toLimit(limit, 10, MAX_LIMIT));
    }

    @GET
    @Path("best-sellers")
    @Operation(summary = "Products by units sold", description = "Most units first (ties by revenue, then product "
            + "id), from the order-line snapshots. limit defaults to 5. " + WINDOW)
    public Uni<List<BestSeller>> bestSellers(@RestQuery String from, @RestQuery String to, @RestQuery String limit) {
        return service.bestSellers(window(from, to), QueryParams.toLimit(limit, 5, MAX_LIMIT));
    }

    private static ReportWindow window(String from, String to) {
        Instant start = bound("from", from, false);
        Instant end = bound("to", to, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw ProblemException.badRequest("from", "must not be after to");
        }
        return new ReportWindow(start, end);
    }

    /** A date means its whole UTC day: from its start, or (for {@code to}) up to the start of the next day. */
    private static Instant bound(String name, String raw, boolean endOfDay) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO date (2026-11-22) or timestamp (2026-11-22T10:15:30Z)");
        }
    }
}
