package com.example.shop.account.repository;

import com.example.shop.account.StaffAccount;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Staff account queries. */
@ApplicationScoped
public class StaffAccountRepository implements PanacheRepositoryBase<StaffAccount, Long> {

    public Uni<StaffAccount> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email.trim()).firstResult();
    }
}
