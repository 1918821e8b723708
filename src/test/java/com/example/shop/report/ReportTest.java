package com.example.shop.report;

import com.example.shop.support.Fixtures;
import com.example.shop.support.OrderRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Reports over a hand-built dataset whose orders are dated in a year of their own (each test takes the
 * next year of a far past), so orders other tests place today never fall into the windows used here.
 */
@QuarkusTest
class ReportTest {

    private static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger(1901);

    @Inject
    DataSource dataSource;

    private int year;
    private long ann;
    private long bob;
    private long cid;
    private long pen;
    private long ink;
    private long pad;

    @BeforeEach
    void buildDataset() throws SQLException {
        year = YEARS.getAndIncrement();
        long category = Fixtures.category(null);
        pen = Fixtures.product(category, "2.00", 1000);
        ink = Fixtures.product(category, "5.00", 1000);
        pad = Fixtures.product(category, "3.00", 1000);
        ann = Fixtures.customer();
        bob = Fixtures.customer();
        cid = Fixtures.customer();
        // ann: 2 orders in March (30.00), 1 cancelled (excluded); bob: 30.00 in June (ties with ann);
        // cid: 1 order on 31 December (7.00)
        order(ann, "03-01T10:00:00Z", "PAID", pen, 5, "2.00");            // 10.00
        order(ann, "03-15T10:00:00Z", "DELIVERED", ink, 4, "5.00");       // 20.00
        order(ann, "03-20T10:00:00Z", "CANCELLED", pad, 100, "3.00");     // excluded
        order(bob, "06-30T23:59:59Z", "PENDING", pad, 10, "3.00");        // 30.00
        order(cid, "12-31T12:00:00Z", "SHIPPED", pen, 2, "2.00", ink, 1, "3.00"); // 7.00, ink on sale
    }

    private String day(String monthDay) {
        return year + "-" + monthDay;
    }

    private void order(long customer, String at, String status, Object... lines) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long orderId;
            java.math.BigDecimal total = java.math.BigDecimal.ZERO;
            int units = 0;
            for (int i = 0; i < lines.length; i += 3) {
                total = total.add(new java.math.BigDecimal((String) lines[i + 2]).multiply(java.math.BigDecimal.valueOf((Integer) lines[i + 1])));
                units += (Integer) lines[i + 1];
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO orders (number, customer_id, status, item_count, total, created_at, updated_at)
                    VALUES ('R-' || nextval('order_number_seq'), ?, ?, ?, ?, ?, ?) RETURNING id""")) {
                OffsetDateTime created = OffsetDateTime.parse(day(at));
                insert.setLong(1, customer);
                insert.setString(2, status);
                insert.setInt(3, units);
                insert.setBigDecimal(4, total);
                insert.setObject(5, created);
                insert.setObject(6, created);
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    orderId = rows.getLong(1);
                }
            }
            for (int i = 0; i < lines.length; i += 3) {
                try (PreparedStatement line = connection.prepareStatement("""
                        INSERT INTO order_item (order_id, product_id, sku, name, unit_price, quantity, line_total)
                        SELECT ?, id, sku, name, ?::numeric, ?, ?::numeric * ? FROM product WHERE id = ?""")) {
                    line.setLong(1, orderId);
                    line.setString(2, (String) lines[i + 2]);
                    line.setInt(3, (Integer) lines[i + 1]);
                    line.setString(4, (String) lines[i + 2]);
                    line.setInt(5, (Integer) lines[i + 1]);
                    line.setLong(6, (Long) lines[i]);
                    line.executeUpdate();
                }
            }
        }
    }

    private JsonPath report(String path, String from, String to, Integer limit) {
        var request = given().queryParam("from", from).queryParam("to", to);
        if (limit != null) {
            request.queryParam("limit", limit);
        }
        return request.when().get("/api/reports/" + path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldRankCustomersBySpendExcludingCancelledOrdersWithTiesById() {
        JsonPath top = report("top-customers", day("01-01"), day("12-31"), null);
        assertEquals(List.of((int) ann, (int) bob, (int) cid), top.getList("customerId"));
        assertEquals(List.of(2, 1, 1), top.getList("orderCount"));
        assertEquals(List.of(30.0f, 30.0f, 7.0f), top.getList("totalSpent"));
        assertEquals(day("03-15T10:00:00Z"), top.getString("[0].lastOrderAt"));
        assertEquals(day("12-31T12:00:00Z"), top.getString("[2].lastOrderAt"));
        given().queryParam("from", day("01-01")).queryParam("to", day("12-31"))
                .when().get("/api/reports/top-customers")
                .then().body("[0].email", equalTo(given().get("/api/customers/" + ann).jsonPath().getString("email")))
                .body("[0].firstName", equalTo("Test"));
        assertEquals(List.of((int) ann), report("top-customers", day("01-01"), day("12-31"), 1).getList("customerId"));
    }

    @Test
    void shouldHonourTheWindowBoundsInclusively() {
        // to is a whole day: bob's order at 23:59:59 on 30 June is inside a window ending that day
        assertEquals(List.of((int) bob), report("top-customers", day("06-30"), day("06-30"), null).getList("customerId"));
        assertEquals(List.of((int) ann), report("top-customers", day("03-01"), day("03-31"), null).getList("customerId"));
        assertEquals(List.of(20.0f), report("top-customers", day("03-02"), day("03-31"), null).getList("totalSpent"));
        assertEquals(List.of(), report("top-customers", day("07-01"), day("12-30"), null).getList("customerId"));
        assertEquals(List.of(), report("best-sellers", day("07-01"), day("12-30"), null).getList("productId"));
    }

    @Test
    void shouldRankBestSellersByUnitsFromLineSnapshots() {
        JsonPath best = report("best-sellers", day("01-01"), day("12-31"), null);
        // pad: 10 units (the cancelled 100 excluded); pen: 7; ink: 5 (4 × 5.00 + 1 × 3.00 on sale)
        assertEquals(List.of((int) pad, (int) pen, (int) ink), best.getList("productId"));
        assertEquals(List.of(10, 7, 5), best.getList("unitsSold"));
        assertEquals(List.of(30.0f, 14.0f, 23.0f), best.getList("revenue"));
        given().queryParam("from", day("01-01")).queryParam("to", day("12-31")).queryParam("limit", 2)
                .when().get("/api/reports/best-sellers")
                .then().statusCode(200).body("", hasSize(2)).body("productId", contains((int) pad, (int) pen))
                .body("[0].sku", equalTo(given().get("/api/products/" + pad).jsonPath().getString("sku")));
    }

    @Test
    void shouldGiveTheSameAllTimeFiguresFromKeptTotalsAsFromAggregatingEveryOrder() {
        long product = Fixtures.product(Fixtures.category(null), "9999.00", 1000);
        long customer = Fixtures.customer();
        OrderRequests.place(OrderRequests.body(customer, product, 3)).then().statusCode(201);
        long cancelled = OrderRequests.place(OrderRequests.body(customer, product, 90)).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        given().when().post("/api/orders/" + cancelled + "/cancel").then().statusCode(200);

        for (String path : List.of("top-customers", "best-sellers")) {
            // no window: the totals the triggers keep; a window around everything: aggregated from the orders
            List<Object> kept = given().queryParam("limit", 1000).when().get("/api/reports/" + path)
                    .then().statusCode(200).extract().jsonPath().getList("");
            List<Object> aggregated = report(path, "1900-01-01", "2999-12-31", 1000).getList("");
            assertEquals(aggregated, kept, path);
        }
        JsonPath top = given().queryParam("limit", 1).when().get("/api/reports/top-customers").jsonPath();
        assertEquals(List.of((int) customer), top.getList("customerId"), "the cancelled 90 units do not count");
        assertEquals(List.of(29997.0f), top.getList("totalSpent"));
        JsonPath best = given().queryParam("limit", 1000).when().get("/api/reports/best-sellers").jsonPath();
        assertEquals(3, best.getInt("find { it.productId == " + product + " }.unitsSold"));
    }

    @Test
    void shouldRejectBadReportParameters() {
        for (String path : List.of("top-customers", "best-sellers")) {
            given().queryParam("from", "yesterday").when().get("/api/reports/" + path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("from"));
            given().queryParam("from", day("05-01")).queryParam("to", day("04-01"))
                    .when().get("/api/reports/" + path).then().statusCode(400);
            given().queryParam("limit", 0).when().get("/api/reports/" + path)
                    .then().statusCode(400).body("errors[0].field", equalTo("limit"));
            given().queryParam("limit", 5000).when().get("/api/reports/" + path)
                    .then().statusCode(200);
        }
    }
}
