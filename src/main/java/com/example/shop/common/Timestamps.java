package com.example.shop.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Current time at PostgreSQL's precision, so a value sent in a response equals the one read back later. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
