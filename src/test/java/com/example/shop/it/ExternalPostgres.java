package com.example.shop.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A PostgreSQL server outside the packaged application, as in production: the integration tests hand its
 * address to the launched JAR (or native binary) through the standard datasource settings, with the
 * throw-away key pair and a staff account, as a deployment would from its Secret.
 */
public class ExternalPostgres implements QuarkusTestResourceLifecycleManager {

    static final String STAFF_EMAIL = "staff@it.example";
    static final String STAFF_PASSWORD = "staff-it-password";

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hostAndPort = "localhost:" + postgres.getPort() + "/postgres";
        String keys = java.nio.file.Path.of("dev-keys").toAbsolutePath().toUri().toString();
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + hostAndPort,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostAndPort,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "mp.jwt.verify.publickey.location", keys + "public-key.pem",
                "smallrye.jwt.sign.key.location", keys + "private-key.pem",
                "shop.staff.email", STAFF_EMAIL,
                "shop.staff.password", STAFF_PASSWORD);
    }

    @Override
    public void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
