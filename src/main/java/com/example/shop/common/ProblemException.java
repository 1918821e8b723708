package com.example.shop.common;

import java.util.List;

/** A client-facing failure that the problem mapper turns into an RFC 9457 response. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final List<?> lines;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, null);
    }

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors,
                            List<?> lines) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
        this.lines = lines;
    }

    public static ProblemException notFound(String resource, Object id) {
        return new ProblemException(404, "not-found", "Not found", resource + " " + id + " does not exist", null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null);
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of(new FieldError(field, detail)));
    }

    public static ProblemException unprocessable(String field, String detail) {
        return new ProblemException(422, "unprocessable", "Unprocessable request", detail,
                List.of(new FieldError(field, detail)));
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Per-line detail of an order that could not be placed (insufficient-stock), else null. */
    public List<?> lines() {
        return lines;
    }

    /** One offending field of a request. */
    public record FieldError(String field, String message) {
    }
}
