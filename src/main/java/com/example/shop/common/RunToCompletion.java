package com.example.shop.common;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Database work, once started, runs to its end even when the HTTP client hangs up.
 *
 * <p>Quarkus REST cancels a request's {@link Uni} when its connection closes. Cancelling a Hibernate Reactive
 * session mid-transaction skips the rollback and the pooled connection is never given back (quarkusio/quarkus
 * #51576): about twenty aborted orders exhaust the pool for good. These interceptors wrap every
 * {@code @WithTransaction} and {@code @WithSession} method from the outside (priority below Panache's 200), so
 * that the session is subscribed to independently of the caller: a hung-up caller simply drops the result,
 * while the transaction commits or rolls back and closes the session as usual.
 */
public final class RunToCompletion {

    private RunToCompletion() {
    }

    static Object detach(InvocationContext context) throws Exception {
        Object result = context.proceed();
        return result instanceof Uni<?> work ? detached(work) : result;
    }

    private static <T> Uni<T> detached(Uni<T> work) {
        return Uni.createFrom().emitter(caller -> work.subscribe().with(caller::complete, caller::fail));
    }

    /** For transactional use cases. */
    @WithTransaction
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
    public static class Transactions {
        @AroundInvoke
        Object intercept(InvocationContext context) throws Exception {
            return detach(context);
        }
    }

    /** For read-only use cases. */
    @WithSession
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
    public static class Sessions {
        @AroundInvoke
        Object intercept(InvocationContext context) throws Exception {
            return detach(context);
        }
    }
}
