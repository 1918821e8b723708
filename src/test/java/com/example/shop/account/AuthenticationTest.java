package com.example.shop.account;

import com.example.shop.support.Fixtures;
import com.example.shop.support.StaffByDefault;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class AuthenticationTest {

    private static final String ISSUER = "https://shop.example";

    private static void rejected(String token) {
        given().header("Authorization", "Bearer " + token)
                .when().get("/api/reports/top-customers")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://shop.example/problems/unauthorized"));
    }

    private static PrivateKey strangerKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    @Test
    void shouldLogInAndCallAProtectedEndpoint() {
        String token = StaffByDefault.login(StaffByDefault.STAFF_EMAIL, StaffByDefault.STAFF_PASSWORD);
        given().header("Authorization", "Bearer " + token).when().get("/api/reports/top-customers").then().statusCode(200);
        given().header(StaffByDefault.ANONYMOUS, "true").contentType(ContentType.JSON)
                .body(Map.of("email", StaffByDefault.STAFF_EMAIL, "password", StaffByDefault.STAFF_PASSWORD))
                .when().post("/api/auth/login")
                .then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .body("accessToken", notNullValue());
    }

    @Test
    void shouldAnswerWrongPasswordAndUnknownEmailAlike() {
        long customer = Fixtures.customer();
        String email = given().get("/api/customers/" + customer).jsonPath().getString("email");
        String wrongPassword = given().header(StaffByDefault.ANONYMOUS, "true").contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", "not-the-password"))
                .when().post("/api/auth/login").then().statusCode(401).extract().asString();
        String unknownEmail = given().header(StaffByDefault.ANONYMOUS, "true").contentType(ContentType.JSON)
                .body(Map.of("email", Fixtures.unique("nobody") + "@example.com", "password", "not-the-password"))
                .when().post("/api/auth/login").then().statusCode(401).extract().asString();
        assertEquals(wrongPassword, unknownEmail);
    }

    @Test
    void shouldRejectTamperedExpiredForeignAndUnsignedTokens() throws Exception {
        String good = StaffByDefault.staffToken();
        String[] parts = good.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("not a signature".getBytes(StandardCharsets.UTF_8));
        rejected(forged);
        rejected(Jwt.issuer(ISSUER).subject("staff:1").groups(Set.of("staff")).sign(strangerKey()));
        rejected(Jwt.issuer(ISSUER).subject("staff:1").groups(Set.of("staff"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign());
        rejected(Jwt.issuer("https://evil.example").subject("staff:1").groups(Set.of("staff")).sign());
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        rejected(header + "." + parts[1] + ".");
        rejected("garbage");
    }

    @Test
    void shouldNeverSendOrLogAPassword() {
        String password = "Unique-" + Fixtures.unique("pw");
        List<String> lines = new CopyOnWriteArrayList<>();
        ExtHandler handler = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                lines.add(record.getFormattedMessage() + " " + (record.getThrown() == null ? "" : record.getThrown()));
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            String email = Fixtures.unique("pw") + "@example.com";
            given().header(StaffByDefault.ANONYMOUS, "true").contentType(ContentType.JSON)
                    .body(Map.of("email", email, "firstName", "P", "lastName", "W", "password", password))
                    .when().post("/api/customers")
                    .then().statusCode(201).body(not(containsString(password))).body(not(containsString("password")));
            given().header(StaffByDefault.ANONYMOUS, "true").contentType(ContentType.JSON)
                    .body(Map.of("email", email, "password", password))
                    .when().post("/api/auth/login").then().statusCode(200).body(not(containsString(password)));
            given().header(StaffByDefault.ANONYMOUS, "true").contentType(ContentType.JSON)
                    .body(Map.of("email", email, "password", password + "x"))
                    .when().post("/api/auth/login").then().statusCode(401).body(not(containsString(password)));
            given().header(StaffByDefault.ANONYMOUS, "true").contentType(ContentType.JSON)
                    .body(Map.of("email", "bad", "firstName", "P", "lastName", "W", "password", password))
                    .when().post("/api/customers").then().statusCode(400).body(not(containsString(password)));
        } finally {
            root.removeHandler(handler);
        }
        lines.forEach(line -> assertFalse(line.contains(password), "logged: " + line));
    }

    @Test
    void shouldRequireAPasswordToRegister() {
        given().header(StaffByDefault.ANONYMOUS, "true").contentType(ContentType.JSON)
                .body(Map.of("email", Fixtures.unique("np") + "@example.com", "firstName", "N", "lastName", "P"))
                .when().post("/api/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
        given().header(StaffByDefault.ANONYMOUS, "true").contentType(ContentType.JSON)
                .body(Map.of("email", Fixtures.unique("np") + "@example.com", "firstName", "N", "lastName", "P",
                        "password", "short"))
                .when().post("/api/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("password"));
    }
}
