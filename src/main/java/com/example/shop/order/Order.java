package com.example.shop.order;

import com.example.shop.common.VersionedEntity;
import com.example.shop.customer.Customer;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's order with its lines; table "orders" because ORDER is an SQL keyword. Basic fields have no
 * initializers: with Hibernate's bytecode enhancement an initializer marks the field dirty on every load.
 */
@Entity
@Table(name = "orders")
public class Order extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders_id_seq")
    @SequenceGenerator(name = "orders_id_seq", sequenceName = "orders_id_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 32)
    public String number;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    public Customer customer;

    @Column(name = "customer_id", insertable = false, updatable = false)
    public Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public OrderStatus status;

    @Column(name = "item_count", nullable = false)
    public int itemCount;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal total;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    /** Listed by product id, the order in which placement reserves and writes them. */
    @OrderBy("productId")
    public List<OrderItem> items = new ArrayList<>();
}
