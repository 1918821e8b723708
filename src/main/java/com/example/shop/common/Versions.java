package com.example.shop.common;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic-locking checks shared by every versioned resource: ETag is the entity version, a stale
 * If-Match is a 412, and without If-Match a stale {@code version} in the body is a 409.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static void check(long current, String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            if (!matches(current, ifMatch)) {
                throw ProblemException.preconditionFailed(
                        "If-Match " + ifMatch + " does not match the current version \"" + current + "\"");
            }
        } else if (bodyVersion != null && bodyVersion != current) {
            throw ProblemException.conflict(
                    "version " + bodyVersion + " is stale: the current version is " + current);
        }
    }

    /** The version an If-Match header names, null without one or for "*"; a malformed tag is a 412. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "");
        try {
            return Long.valueOf(tag.substring(1, tag.length() - 1));
        } catch (RuntimeException e) {
            throw preconditionFailed(ifMatch);
        }
    }

    public static ProblemException preconditionFailed(String ifMatch) {
        return ProblemException.preconditionFailed("If-Match " + ifMatch + " does not match the current version");
    }

    private static boolean matches(long current, String ifMatch) {
        String expected = "\"" + current + "\"";
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(expected) || t.equals("W/" + expected)) {
                return true;
            }
        }
        return false;
    }
}
