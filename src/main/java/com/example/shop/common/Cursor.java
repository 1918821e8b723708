package com.example.shop.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * An opaque keyset cursor: the sort it belongs to, the last row's sort value and its id.
 * Clients only pass it back; a cursor that was tampered with or belongs to another sort is a 400.
 */
public record Cursor(String sort, String value, long id) {

    private static final String SEP = "\n";

    public String encode() {
        String raw = sort + SEP + value + SEP + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes {@code after}, or returns null when there is none. */
    public static Cursor decode(String after, String expectedSort) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            // the value may itself hold the separator (a product name with a line break): split at the ends
            int first = raw.indexOf(SEP);
            int last = raw.lastIndexOf(SEP);
            if (first > 0 && last > first && raw.substring(0, first).equals(expectedSort)) {
                return new Cursor(expectedSort, raw.substring(first + 1, last), Long.parseLong(raw.substring(last + 1)));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below
        }
        throw invalid();
    }

    /** The value as a timestamp; a 400 if the cursor was tampered with. */
    public Instant instantValue() {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** The value as an integer; a 400 if the cursor was tampered with. */
    public int intValue() {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** The 400 for a cursor that does not belong to this list and sort order. */
    public static ProblemException invalid() {
        return ProblemException.badRequest("after", "is not a cursor of this list and sort order");
    }
}
