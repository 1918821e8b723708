package com.example.shop.common;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.function.Function;

/** One page of a list: its items and the opaque cursor of the next page (null on the last one). */
@RegisterForReflection
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that a next page exists.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> toItem, Function<R, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(toItem).toList(), next);
    }

    public <U> Page<U> map(Function<T, U> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }

    /** The page size asked for: default 20, capped at 100, and a 400 below 1. */
    public static int limit(String raw) {
        return QueryParams.toLimit(raw, DEFAULT_LIMIT, MAX_LIMIT);
    }
}
