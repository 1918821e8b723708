package com.example.shop.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one place where failures become RFC 9457 problem responses; nothing internal leaks. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private static final Pattern CONSTRAINT_IN_MESSAGE = Pattern.compile("constraint \"([a-z0-9_]+)\"");

    /** What a violated constraint means to a client (field null: not one field's fault). */
    private static final Map<String, ProblemException.FieldError> CONSTRAINTS = Map.of(
            "category_slug_uq", new ProblemException.FieldError("slug", "is already taken"),
            "product_sku_uq", new ProblemException.FieldError("sku", "is already taken"),
            "product_slug_uq", new ProblemException.FieldError("slug", "is already taken"),
            "customer_email_uq", new ProblemException.FieldError("email", "is already registered"),
            "review_customer_product_uq", new ProblemException.FieldError(null,
                    "This customer has already reviewed this product"),
            "category_parent_id_fkey", new ProblemException.FieldError(null, "The category still has subcategories"),
            "product_category_id_fkey", new ProblemException.FieldError(null, "The category still has products"),
            "orders_customer_id_fkey", new ProblemException.FieldError(null, "The customer has orders"),
            "order_item_product_id_fkey", new ProblemException.FieldError(null,
                    "Orders reference the product; deactivate it instead (active=false)"));

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(e.status(), e.type(), e.title(), e.getMessage(), e.errors(), e.lines()));
        if (e instanceof RateLimiter.RateLimited limited) {
            response.header("Retry-After", limited.retryAfterSeconds());
        }
        return response.build();
    }

    /** No valid token (missing, expired, tampered, wrong issuer): 401. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required", null, null))
                .build();
    }

    /** A valid token without the role the endpoint needs: 403. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(403, "forbidden", "Forbidden", "This account may not do this", null);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<ProblemException.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ProblemException.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(ProblemException.FieldError::field))
                .toList();
        return respond(400, "validation", "Invalid request", "The request has invalid fields", errors);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return respond(400, "malformed-request", "Malformed request", malformedDetail(e), null);
    }

    /** Declared apart so that it wins over Quarkus' built-in mapper of the same exception types. */
    @ServerExceptionMapper({MismatchedInputException.class, InvalidFormatException.class})
    public Response mismatchedInput(JsonProcessingException e) {
        return malformed(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformed(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String code = switch (status) {
            case 400 -> "malformed-request";
            case 404 -> "not-found";
            default -> "http-" + status;
        };
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(status, code, title, title, null);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e) {
        return staleVersion();
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e) {
        return staleVersion();
    }

    /** Everything else: database errors are translated by SQL state, the rest is a 500 without internals. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (find(e, StaleStateException.class) != null || find(e, OptimisticLockException.class) != null
                || isStaleStateSeenByHibernateReactive(e)) {
            return staleVersion();
        }
        String sqlState = sqlState(e);
        if (sqlState != null && sqlState.startsWith("23")) {
            return constraintViolated(e);
        }
        if (sqlState != null && sqlState.startsWith("22")) {
            // data exception: a value the database cannot store (too long, out of range, NUL byte)
            return respond(400, "validation", "Invalid request", "A value is too long, out of range or malformed", null);
        }
        if (isDatabaseUnavailable(e, sqlState)) {
            LOG.warnf("Database unavailable: %s", e.toString());
            return respond(503, "unavailable", "Service unavailable",
                    "The database is unavailable; retry later", null);
        }
        LOG.error("Unexpected failure", e);
        return respond(500, "internal", "Internal error", "An unexpected error occurred", null);
    }

    /** Unique, foreign-key and check violations are 409s; known constraints get a message a client can act on. */
    private static Response constraintViolated(Throwable e) {
        if (hasMessage(e, "insert or update on table")) {
            // a row refers to one that vanished meanwhile (deleted concurrently): the reference is unusable
            return respond(422, "unprocessable", "Unprocessable request", "A referenced resource does not exist", null);
        }
        String constraint = constraintOf(e);
        ProblemException.FieldError known = constraint == null ? null : CONSTRAINTS.get(constraint);
        if (known == null) {
            return respond(409, "conflict", "Conflict", "The change conflicts with existing data", null);
        }
        if (known.field() == null) {
            return respond(409, "conflict", "Conflict", known.message(), null);
        }
        return respond(409, "conflict", "Conflict", known.field() + " " + known.message(), List.of(known));
    }

    /**
     * A version check that fails at flush makes Hibernate ORM load the entity to describe it, which Hibernate
     * Reactive refuses with UnexpectedAccessToTheDatabase; the stale version is then only visible in the stack.
     */
    private static boolean isStaleStateSeenByHibernateReactive(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("UnexpectedAccessToTheDatabase")) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (frame.getMethodName().equals("wrapStaleStateException")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Response staleVersion() {
        return respond(409, "conflict", "Conflict", "The resource was changed concurrently; reload and retry", null);
    }

    private static Response respond(int status, String code, String title, String detail,
                                    List<ProblemException.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, title, detail, errors, null))
                .build();
    }

    /** "create.body.items[0].quantity" becomes "items[0].quantity": the method and parameter are noise. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String malformedDetail(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch) {
            String path = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            return "The JSON value of '" + path + "' has the wrong type or shape";
        }
        return "The request body is not valid JSON";
    }

    private static String sqlState(Throwable e) {
        PgException pg = find(e, PgException.class);
        if (pg != null) {
            return pg.getSqlState();
        }
        SQLException sql = find(e, SQLException.class);
        return sql == null ? null : sql.getSQLState();
    }

    private static String constraintOf(Throwable e) {
        org.hibernate.exception.ConstraintViolationException hibernate =
                find(e, org.hibernate.exception.ConstraintViolationException.class);
        if (hibernate != null && hibernate.getConstraintName() != null) {
            return hibernate.getConstraintName();
        }
        PgException pg = find(e, PgException.class);
        if (pg != null && pg.getConstraint() != null) {
            return pg.getConstraint();
        }
        // Hibernate names no constraint for some SQL states (23001 restrict_violation): read PostgreSQL's message.
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher named = CONSTRAINT_IN_MESSAGE.matcher(String.valueOf(t.getMessage()));
            if (named.find()) {
                return named.group(1);
            }
        }
        return null;
    }

    private static boolean isDatabaseUnavailable(Throwable e, String sqlState) {
        // 08: connection exceptions; 57014: statement timeout; 57P: server shutting down or gone
        return (sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57014") || sqlState.startsWith("57P")))
                || find(e, ConnectException.class) != null
                || find(e, TimeoutException.class) != null
                || find(e, io.vertx.sqlclient.ClosedConnectionException.class) != null
                || find(e, io.netty.channel.ConnectTimeoutException.class) != null
                || find(e, io.vertx.core.http.ConnectionPoolTooBusyException.class) != null
                || find(e, io.vertx.core.impl.NoStackTraceThrowable.class) != null && hasMessage(e, "Timeout");
    }

    private static boolean hasMessage(Throwable e, String fragment) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
