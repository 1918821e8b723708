package com.example.shop.customer.service;

import com.example.shop.account.Caller;
import com.example.shop.common.ProblemException;
import com.example.shop.common.Versions;
import com.example.shop.customer.Customer;
import com.example.shop.customer.repository.CustomerRepository;
import com.example.shop.customer.rest.CustomerRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Customer use cases; each write is one transaction. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;

    public CustomerService(CustomerRepository customers) {
        this.customers = customers;
    }

    /** A customer the caller may see: itself, or anyone for staff; others are a 404 (no id probing). */
    @WithSession
    public Uni<Customer> get(long id, Caller caller) {
        if (!caller.owns(id)) {
            return Uni.createFrom().failure(ProblemException.notFound("customer", id));
        }
        return customers.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("customer", id));
    }

    /** Registers a customer with its password's hash. A taken email (case-insensitive unique index) is a 409. */
    @WithTransaction
    public Uni<Customer> create(CustomerRequest request, String passwordHash) {
        Customer customer = new Customer();
        apply(customer, request);
        customer.passwordHash = passwordHash;
        return customers.persist(customer);
    }

    /** {@code passwordHash} null keeps the current password. */
    @WithTransaction
    public Uni<Customer> update(long id, CustomerRequest request, String passwordHash, String ifMatch, Caller caller) {
        return get(id, caller)
                .invoke(customer -> Versions.check(customer.version, ifMatch, request.version()))
                .invoke(customer -> {
                    apply(customer, request);
                    if (passwordHash != null) {
                        customer.passwordHash = passwordHash;
                    }
                });
    }

    /** Deletes a customer; the foreign key answers 409 while orders exist. */
    @WithTransaction
    public Uni<Void> delete(long id, Caller caller) {
        return get(id, caller).call(customers::delete).replaceWithVoid();
    }

    private static void apply(Customer customer, CustomerRequest request) {
        customer.email = request.email().trim();
        customer.firstName = request.firstName().trim();
        customer.lastName = request.lastName().trim();
    }
}
