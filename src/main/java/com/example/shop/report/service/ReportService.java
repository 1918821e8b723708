package com.example.shop.report.service;

import com.example.shop.customer.repository.CustomerRepository;
import com.example.shop.order.repository.OrderRepository;
import com.example.shop.report.BestSeller;
import com.example.shop.report.ReportWindow;
import com.example.shop.report.TopCustomer;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Sales reports, each one aggregate statement in the database. */
@ApplicationScoped
public class ReportService {

    private final CustomerRepository customers;
    private final OrderRepository orders;

    public ReportService(CustomerRepository customers, OrderRepository orders) {
        this.customers = customers;
        this.orders = orders;
    }

    @WithSession
    public Uni<List<TopCustomer>> topCustomers(ReportWindow window, int limit) {
        return customers.topCustomers(window, limit);
    }

    @WithSession
    public Uni<List<BestSeller>> bestSellers(ReportWindow window, int limit) {
        return orders.bestSellers(window, limit);
    }
}
