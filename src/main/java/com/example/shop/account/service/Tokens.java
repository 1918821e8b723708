package com.example.shop.account.service;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Set;

/** Issues short-lived RS256 tokens; the signing key comes from configuration (smallrye.jwt.sign.key*). */
@ApplicationScoped
public class Tokens {

    private final String issuer;
    private final Duration lifetime;

    public Tokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                  @ConfigProperty(name = "shop.auth.token-lifetime", defaultValue = "PT15M") Duration lifetime) {
        this.issuer = issuer;
        this.lifetime = lifetime;
    }

    public IssuedToken issue(String subject, String group) {
        String token = Jwt.issuer(issuer)
                .subject(subject)
                .groups(Set.of(group))
                .expiresIn(lifetime)
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
        return new IssuedToken(token, lifetime.toSeconds());
    }

    /** A signed token and how many seconds it lives. */
    public record IssuedToken(String token, long expiresIn) {
    }
}
