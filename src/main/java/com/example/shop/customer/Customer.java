package com.example.shop.customer;

import com.example.shop.common.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Someone who places orders; the email is unique case-insensitively. */
@Entity
@Table(name = "customer")
public class Customer extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_id_seq")
    @SequenceGenerator(name = "customer_id_seq", sequenceName = "customer_id_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "first_name", nullable = false, length = 100)
    public String firstName;

    @Column(name = "last_name", nullable = false, length = 100)
    public String lastName;

    /** bcrypt hash; never sent to clients nor logged. Null: the customer cannot log in. */
    @Column(name = "password_hash", length = 100)
    public String passwordHash;
}
