package com.example.shop.common;

import java.nio.charset.StandardCharsets;
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
            String[] parts = raw.split(SEP, -1);
            if (parts.length == 3 && parts[0].equals(expectedSort)) {
                return new Cursor(parts[0], parts[1], Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the 400 below
        }
        throw ProblemException.badRequest("after", "is not a cursor of this list and sort order");
    }
}
