package com.example.shop.account.service;

import com.example.shop.account.Role;
import com.example.shop.account.repository.StaffAccountRepository;
import com.example.shop.common.ProblemException;
import com.example.shop.customer.repository.CustomerRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Login of customers and staff. */
@ApplicationScoped
public class AccountService {

    private final CustomerRepository customers;
    private final StaffAccountRepository staff;
    private final Passwords passwords;
    private final Tokens tokens;
    private final StaffAccountBootstrap staffAccount;

    public AccountService(CustomerRepository customers, StaffAccountRepository staff, Passwords passwords,
                          Tokens tokens, StaffAccountBootstrap staffAccount) {
        this.customers = customers;
        this.staff = staff;
        this.passwords = passwords;
        this.tokens = tokens;
        this.staffAccount = staffAccount;
    }

    /** Whose password hash an email has: a customer's, a staff member's, or nobody's (null hash). */
    public record Account(String subject, String group, String passwordHash) {
    }

    /**
     * A token for a right email and password. A wrong password and an unknown email get the same answer
     * after the same bcrypt work, so the answer tells nothing about which emails exist. A login in the first
     * moments after start waits until the configured staff account is written.
     */
    public Uni<Tokens.IssuedToken> login(String email, String password) {
        return staffAccount.written().chain(() -> findAccount(email))
                .chain(account -> passwords.matches(password, account.passwordHash())
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
        return customers.findByEmail(email).chain(customer -> {
            if (customer != null) {
                return Uni.createFrom().item(new Account(customer.id.toString(), Role.CUSTOMER, customer.passwordHash));
            }
            return staff.findByEmail(email).map(member -> member == null
                    ? new Account(null, null, null)
                    : new Account("staff:" + member.id, Role.STAFF, member.passwordHash));
        });
    }
}
