package com.example.shop.account.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * bcrypt hashing and checking. Both cost tens of milliseconds of CPU, so they run on a worker thread
 * (Vert.x executeBlocking), and the result comes back on the caller's event-loop context.
 */
@ApplicationScoped
public class Passwords {

    private final Vertx vertx;
    private final int cost;
    /**
     * Checked when no account matches, so that an unknown email takes as long as a wrong password. Made on
     * first use, on a worker thread: computing it in the constructor blocked the event loop that first
     * touched this bean for a whole bcrypt (1.3 s at start in the benchmark's profile).
     */
    private volatile String decoy;

    public Passwords(Vertx vertx, @ConfigProperty(name = "shop.auth.bcrypt-cost", defaultValue = "12") int cost) {
        this.vertx = vertx;
        this.cost = cost;
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password, cost)));
    }

    /** Whether the password matches the hash; a null hash (no account, or no password set) never matches. */
    public Uni<Boolean> matches(String password, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            boolean matches = BcryptUtil.matches(password, hash == null ? decoy() : hash);
            return hash != null && matches;
        }));
    }

    /** Blocking: call on a worker thread. Two first callers may both compute it; either result serves. */
    private String decoy() {
        if (decoy == null) {
            decoy = BcryptUtil.bcryptHash("decoy-password-for-unknown-accounts", cost);
        }
        return decoy;
    }
}
