package com.example.shop.account.service;

import com.example.shop.account.Role;
import com.example.shop.account.StaffAccount;
import com.example.shop.account.repository.StaffAccountRepository;
import com.example.shop.common.ProblemException;
import com.example.shop.customer.repository.CustomerRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/** Login, and the staff account that configuration declares. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final CustomerRepository customers;
    private final StaffAccountRepository staff;
    private final Passwords passwords;
    private final Tokens tokens;

    public AccountService(CustomerRepository customers, StaffAccountRepository staff, Passwords passwords,
                          Tokens tokens) {
        this.customers = customers;
        this.staff = staff;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    /** Whose password hash an email has: a customer's, a staff member's, or nobody's (null hash). */
    public record Account(String subject, String group, String passwordHash) {
    }

    /**
     * A token for a right email and password. A wrong password and an unknown email get the same answer
     * after the same bcrypt work, so the answer tells nothing about which emails exist.
     */
    public Uni<Tokens.IssuedToken> login(String email, String password) {
        return findAccount(email).chain(account -> passwords.matches(password, account.passwordHash())
                .map(matches -> {
                    if (!matches) {
                        throw new ProblemException(401, "unauthorized", "Unauthorized",
                                "The email or password is wrong", null);
                    }
                    return tokens.issue(account.subject(), account.group());
                }));
    }

    /** The account an email belongs to; read in its own session, so no connection is held while bcrypt runs. */
    @WithSession
    public Uni<Account> findAccount(String email) {
        return customers.find("lower(email) = lower(?1)", email.trim()).firstResult().chain(customer -> {
            if (customer != null) {
                return Uni.createFrom().item(new Account(customer.id.toString(), Role.CUSTOMER, customer.passwordHash));
            }
            return staff.findByEmail(email).map(member -> member == null
                    ? new Account(null, null, null)
                    : new Account("staff:" + member.id, Role.STAFF, member.passwordHash));
        });
    }

    /**
     * Creates or updates the staff account given by shop.staff.email / shop.staff.password at start. There is
     * no default: without both settings no staff account exists (production sets them from a Secret).
     */
    void createStaffAccount(@Observes StartupEvent event,
                            @ConfigProperty(name = "shop.staff.email") Optional<String> email,
                            @ConfigProperty(name = "shop.staff.password") Optional<String> password) {
        if (email.isEmpty() || password.isEmpty()) {
            LOG.info("No staff account configured (shop.staff.email / shop.staff.password)");
            return;
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> passwords.hash(password.get())
                    .chain(hash -> Panache.withTransaction(() -> staff.findByEmail(email.get()).chain(existing -> {
                        StaffAccount account = existing != null ? existing : new StaffAccount();
                        account.email = email.get().trim();
                        account.passwordHash = hash;
                        return staff.persist(account);
                    }))));
            LOG.infof("Staff account %s is ready", email.get());
        } catch (Throwable e) {
            // the service still starts (readiness tells whether the database is there); staff log in after a restart
            LOG.errorf("Staff account %s could not be written: %s", email.get(), e.toString());
        }
    }
}
