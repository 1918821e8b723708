package com.example.shop.common;

import java.math.BigDecimal;

/**
 * Parses query parameters taken as strings, so that a malformed value is a 400 problem naming the
 * parameter (JAX-RS would answer a failed conversion of a typed query parameter with a bare 404).
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static Integer toInteger(String name, String raw) {
        if (isAbsent(raw)) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be an integer");
        }
    }

    /** A page or result size: {@code defaultLimit} when absent, capped at {@code max}, and a 400 below 1. */
    public static int toLimit(String raw, int defaultLimit, int max) {
        Integer requested = toInteger("limit", raw);
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1) {
            throw ProblemException.badRequest("limit", "must be at least 1");
        }
        return Math.min(requested, max);
    }

    public static Long toLong(String name, String raw) {
        if (isAbsent(raw)) {
            return null;
        }
        try {
            return Long.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be an integer");
        }
    }

    public static BigDecimal toDecimal(String name, String raw) {
        if (isAbsent(raw)) {
            return null;
        }
        try {
            return new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a decimal number");
        }
    }

    public static Boolean toBoolean(String name, String raw) {
        if (isAbsent(raw)) {
            return null;
        }
        return switch (raw.trim().toLowerCase()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }

    private static boolean isAbsent(String raw) {
        return raw == null || raw.isBlank();
    }
}
