package com.example.shop.common;

import com.example.shop.support.Fixtures;
import com.example.shop.support.StaffByDefault;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.example.shop.support.OrderRequests.body;
import static com.example.shop.support.OrderRequests.place;
import static com.example.shop.support.OrderRequests.stockOf;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Clients that hang up while their order is being placed must neither cost the service a pooled connection
 * nor leave an order half-written: each aborted order is either placed whole or not at all.
 */
@QuarkusTest
class ClientDisconnectTest {

    /** More aborts than the pool has connections (20), at varying moments of the transaction. */
    private static final int ABORTS = 60;
    private static final int STOCK = 1_000;

    @Test
    void shouldGiveTheConnectionBackWhenTheClientHangsUpMidOrder() throws Exception {
        long product = Fixtures.product(Fixtures.category(null), "1.00", STOCK);
        long customer = Fixtures.customer();
        String request = rawOrderRequest(customer, product);

        for (int i = 0; i < ABORTS; i++) {
            postAndHangUp(request, (i % 6) * 500_000L);
        }

        assertEquals(0, poolActiveAfterSettling(), "connections still held after every client hung up");
        place(body(customer, product, 1)).then().statusCode(201);
        int unitsOrdered = given().queryParam("limit", 100).when().get("/api/customers/" + customer + "/orders")
                .then().statusCode(200).extract().jsonPath().getList("items.itemCount", Integer.class)
                .stream().mapToInt(Integer::intValue).sum();
        assertEquals(STOCK, stockOf(product) + unitsOrdered, "stock + units ordered is conserved");
    }

    private static String rawOrderRequest(long customer, long product) {
        String json = "{\"customerId\":" + customer + ",\"items\":[{\"productId\":" + product + ",\"quantity\":1}]}";
        return "POST /api/orders HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + StaffByDefault.staffToken() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + "\r\n" + json;
    }

    /** Sends the request, waits a little, then resets the connection without reading the answer. */
    private static void postAndHangUp(String request, long delayNanos) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoLinger(true, 0);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            LockSupport.parkNanos(delayNanos);
        }
    }

    /** sql_pool_active once in-flight work has had time to end (polled, at most 10 s). */
    private static double poolActiveAfterSettling() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        double active;
        do {
            LockSupport.parkNanos(100_000_000L);
            active = poolActive();
        } while (active > 0 && System.nanoTime() < deadline);
        return active;
    }

    private static double poolActive() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^sql_pool_active(\\{[^}]*})? ([0-9.E+-]+)$").matcher(metrics);
        double sum = 0;
        while (value.find()) {
            sum += Double.parseDouble(value.group(2));
        }
        return sum;
    }
}
