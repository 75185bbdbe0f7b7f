package gov.envgov.support.problem;

import java.util.Set;

/**
 * Tells an outage of something the service depends on (its database unreachable, the pool exhausted, the connection
 * dropped) from a defect: an outage is answered 503 with {@code Retry-After}, so that clients and retries can tell
 * them apart (ERR-OUTAGE-503). Classes are named, not imported, so that a module without R2DBC (the gateway) can use
 * this too.
 */
final class Outages {

    private static final Set<String> OUTAGES = Set.of(
            // Spring's translation of the R2DBC errors and the transaction manager's "could not open a connection".
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessResourceException",
            "org.springframework.dao.QueryTimeoutException",
            "org.springframework.transaction.CannotCreateTransactionException",
            // The driver's and the pool's own (refused, closed, acquire timeout), where nothing translated them.
            "io.r2dbc.spi.R2dbcNonTransientResourceException",
            "io.r2dbc.spi.R2dbcTransientResourceException",
            "io.r2dbc.spi.R2dbcTimeoutException",
            "io.r2dbc.pool.PoolAcquireTimeoutException",
            "reactor.pool.PoolAcquireTimeoutException",
            "reactor.pool.PoolShutdownException",
            "java.net.ConnectException",
            "java.nio.channels.ClosedChannelException",
            "io.netty.channel.ConnectTimeoutException");

    private Outages() {
    }

    /** Reactor Netty's read timeout: the client stopped sending its body, which is no defect of ours. */
    private static final Set<String> CLIENT_TIMEOUTS = Set.of("io.netty.handler.timeout.ReadTimeoutException");

    /** True when the error or one of its causes says a resource is unreachable, not that our code is wrong. */
    static boolean isOutage(Throwable error) {
        return anyCause(error, OUTAGES);
    }

    /** True when the client was too slow sending its request (envgov.web.server.read-timeout). */
    static boolean isClientTimeout(Throwable error) {
        return anyCause(error, CLIENT_TIMEOUTS);
    }

    private static boolean anyCause(Throwable error, Set<String> names) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < 20; depth++) {
            for (Class<?> type = cause.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                if (names.contains(type.getName())) {
                    return true;
                }
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }
}
