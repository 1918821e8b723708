package com.example.shop.review;

import com.example.shop.common.VersionedEntity;
import com.example.shop.catalog.Product;
import com.example.shop.customer.Customer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A verified buyer's rating (1–5) of a product; one per customer and product. */
@Entity
@Table(name = "review")
public class Review extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_id_seq")
    @SequenceGenerator(name = "review_id_seq", sequenceName = "review_id_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false)
    public Product product;

    @Column(name = "product_id", insertable = false, updatable = false)
    public Long productId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id", nullable = false)
    public Customer customer;

    @Column(name = "customer_id", insertable = false, updatable = false)
    public Long customerId;

    @Column(nullable = false)
    public short rating;

    @Column(length = 200)
    public String title;

    public String body;

    /** Sets the product and author together with their read-only id mirrors. */
    public void assign(Product newProduct, Customer author) {
        product = newProduct;
        productId = newProduct.id;
        customer = author;
        customerId = author.id;
    }
}
