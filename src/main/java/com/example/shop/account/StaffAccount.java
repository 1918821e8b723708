package com.example.shop.account;

import com.example.shop.common.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A staff member's login, created from configuration at start. */
@Entity
@Table(name = "staff_account")
public class StaffAccount extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_account_id_seq")
    @SequenceGenerator(name = "staff_account_id_seq", sequenceName = "staff_account_id_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;
}
