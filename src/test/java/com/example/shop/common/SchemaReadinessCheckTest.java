package com.example.shop.common;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Readiness accepts a schema migrated further (by a newer replica) and refuses one that fell behind. */
@QuarkusTest
class SchemaReadinessCheckTest {

    @Inject
    DataSource dataSource;

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static final String SCHEMA_CHECK = "checks.find { it.name == 'Database schema' }.status";

    @Test
    void shouldStayReadyOnANewerSchemaAndGoDownOnAnOlderOne() throws Exception {
        String newer = "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                + "installed_by, execution_time, success) SELECT max(installed_rank) + 1, '999', 'newer release', "
                + "'SQL', 'V999__newer.sql', 'test', 0, true FROM flyway_schema_history";
        try {
            execute(newer);
            given().when().get("/q/health/ready").then().statusCode(200).body(SCHEMA_CHECK, equalTo("UP"));
        } finally {
            execute("DELETE FROM flyway_schema_history WHERE version = '999'");
        }
        try {
            execute("UPDATE flyway_schema_history SET success = false WHERE installed_rank = "
                    + "(SELECT max(installed_rank) FROM flyway_schema_history)");
            given().when().get("/q/health/ready").then().statusCode(503).body(SCHEMA_CHECK, equalTo("DOWN"));
        } finally {
            execute("UPDATE flyway_schema_history SET success = true");
        }
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
