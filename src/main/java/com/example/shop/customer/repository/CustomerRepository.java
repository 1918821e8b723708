package com.example.shop.customer.repository;

import com.example.shop.customer.Customer;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Customer queries. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, Long> {
}
