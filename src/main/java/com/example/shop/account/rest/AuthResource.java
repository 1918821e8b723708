package com.example.shop.account.rest;

import com.example.shop.account.service.AccountService;
import com.example.shop.common.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP mapping of login. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AuthResource {

    private final AccountService accounts;
    private final RateLimiter limiter;

    public AuthResource(AccountService accounts, RateLimiter limiter) {
        this.accounts = accounts;
        this.limiter = limiter;
    }

    @POST
    @Path("login")
    @PermitAll
    @Operation(summary = "Log in",
            description = "Public. Answers a signed RS256 JWT (15 minutes; sub = customer id, groups customer or staff) "
                    + "to send as `Authorization: Bearer <token>`. A wrong password and an unknown email get the same "
                    + "401. Rate-limited per client address and email (429 with Retry-After).")
    public Uni<TokenResponse> login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        limiter.checkLogin(http.remoteAddress().hostAddress() + "/" + request.email().trim().toLowerCase());
        return accounts.login(request.email(), request.password())
                .map(issued -> new TokenResponse(issued.token(), "Bearer", issued.expiresIn()));
    }
}
