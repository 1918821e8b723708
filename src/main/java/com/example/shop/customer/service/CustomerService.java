package com.example.shop.customer.service;

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

    @WithSession
    public Uni<Customer> get(long id) {
        return customers.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("customer", id));
    }

    /** A taken email (compared case-insensitively by a unique index) is a 409. */
    @WithTransaction
    public Uni<Customer> create(CustomerRequest request) {
        Customer customer = new Customer();
        apply(customer, request);
        return customers.persist(customer);
    }

    @WithTransaction
    public Uni<Customer> update(long id, CustomerRequest request, String ifMatch) {
        return get(id)
                .invoke(customer -> Versions.check(customer.version, ifMatch, request.version()))
                .invoke(customer -> apply(customer, request));
    }

    /** Deletes a customer; the foreign key answers 409 while orders exist. */
    @WithTransaction
    public Uni<Void> delete(long id) {
        return get(id).call(customers::delete).replaceWithVoid();
    }

    private static void apply(Customer customer, CustomerRequest request) {
        customer.email = request.email().trim();
        customer.firstName = request.firstName().trim();
        customer.lastName = request.lastName().trim();
    }
}
