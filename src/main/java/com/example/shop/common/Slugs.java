package com.example.shop.common;

import java.text.Normalizer;
import java.util.Locale;

/** Derives URL slugs ("Sci-Fi & Fantasy" becomes "sci-fi-fantasy"), as Django's slugify does. */
public final class Slugs {

    /** The shape the schema's CHECK constraint accepts. */
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private Slugs() {
    }

    /** The longest slug the schema stores. */
    public static final int MAX_LENGTH = 200;

    /**
     * The slug of a text, cut at a hyphen to fit {@link #MAX_LENGTH}, or a 400 naming the slug field when
     * the text has no letters or digits.
     */
    public static String derive(String text) {
        String slug = slugify(text);
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceFirst("-[^-]*$", "").replaceAll("-+$", "");
        }
        if (slug.isEmpty()) {
            throw ProblemException.badRequest("slug", "cannot be derived from the name; send one");
        }
        return slug;
    }

    public static String slugify(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
