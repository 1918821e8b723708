package com.example.shop.account.service;

import com.example.shop.account.StaffAccount;
import com.example.shop.account.repository.StaffAccountRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Creates or updates the staff account given by shop.staff.email / shop.staff.password, in the background at
 * start: hashing at bcrypt cost 12 takes about a second of CPU, and start-up need not wait for it. There is no
 * default: without both settings no staff account exists (production sets them from a Secret).
 */
@ApplicationScoped
public class StaffAccountBootstrap {

    private static final Logger LOG = Logger.getLogger(StaffAccountBootstrap.class);

    private final StaffAccountRepository staff;
    private final Passwords passwords;
    /** Completes (never exceptionally) once the account is written, found unwritable, or not configured. */
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    public StaffAccountBootstrap(StaffAccountRepository staff, Passwords passwords) {
        this.staff = staff;
        this.passwords = passwords;
    }

    void onStart(@Observes StartupEvent event,
                 @ConfigProperty(name = "shop.staff.email") Optional<String> email,
                 @ConfigProperty(name = "shop.staff.password") Optional<String> password) {
        if (email.isEmpty() || password.isEmpty()) {
            LOG.info("No staff account configured (shop.staff.email / shop.staff.password)");
            done.complete(null);
            return;
        }
        VertxContextSupport.subscribe(() -> write(email.get().trim(), password.get()).toMulti(),
                subscription -> subscription.with(ignored -> { }, failure -> {
                    // the service still runs (readiness tells whether the database is there); staff log in after a restart
                    LOG.errorf("Staff account %s could not be written: %s", email.get(), failure.toString());
                    done.complete(null);
                }, () -> {
                    LOG.infof("Staff account %s is ready", email.get());
                    done.complete(null);
                }));
    }

    private Uni<StaffAccount> write(String email, String password) {
        return passwords.hash(password).chain(hash -> Panache.withTransaction(() -> staff.findByEmail(email)
                .chain(existing -> {
                    StaffAccount account = existing != null ? existing : new StaffAccount();
                    account.email = email;
                    account.passwordHash = hash;
                    return staff.persist(account);
                })));
    }

    /** Completes once the start-up write is over; on the caller's Vert.x context, where its session lives. */
    Uni<Void> written() {
        if (done.isDone()) {
            return Uni.createFrom().voidItem();
        }
        Context caller = Vertx.currentContext();
        Uni<Void> whenDone = Uni.createFrom().completionStage(done);
        return caller == null ? whenDone : whenDone.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }
}
