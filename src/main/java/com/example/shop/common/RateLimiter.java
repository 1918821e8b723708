package com.example.shop.common;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window rate limits per client and action, in memory (per replica). Over the limit is a 429 with
 * Retry-After. Windows of idle clients are dropped as new ones start, so memory stays bounded by the
 * number of clients active in one window.
 */
@ApplicationScoped
public class RateLimiter {

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int loginLimit;
    private final int orderLimit;
    private final Duration period;

    public RateLimiter(@ConfigProperty(name = "shop.rate-limit.login", defaultValue = "10") int loginLimit,
                       @ConfigProperty(name = "shop.rate-limit.orders", defaultValue = "60") int orderLimit,
                       @ConfigProperty(name = "shop.rate-limit.period", defaultValue = "PT1M") Duration period) {
        this.loginLimit = loginLimit;
        this.orderLimit = orderLimit;
        this.period = period;
    }

    public void checkLogin(String client) {
        check("login:" + client, loginLimit);
    }

    public void checkOrder(String client) {
        check("order:" + client, orderLimit);
    }

    private void check(String key, int limit) {
        long now = System.nanoTime();
        Window window = windows.compute(key, (k, current) ->
                current == null || now - current.start >= period.toNanos() ? new Window(now, 1) : current.next());
        if (window.count > limit) {
            long retryAfter = Math.max(1, Duration.ofNanos(period.toNanos() - (now - window.start)).toSeconds());
            throw new RateLimited(retryAfter);
        }
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> now - w.start >= period.toNanos());
        }
    }

    private record Window(long start, int count) {
        Window next() {
            return new Window(start, count + 1);
        }
    }

    /** Over a limit: the problem mapper answers 429 with Retry-After. */
    public static final class RateLimited extends ProblemException {
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super(429, "rate-limited", "Too many requests", "Too many requests; retry after "
                    + retryAfterSeconds + " s", null);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
