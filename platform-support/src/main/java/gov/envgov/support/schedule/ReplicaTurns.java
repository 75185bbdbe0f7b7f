package gov.envgov.support.schedule;

import java.util.function.Supplier;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Flux;

/**
 * Work that every replica schedules but only one may do at a time (escalation, deadline clocks): it runs while its
 * transaction holds a PostgreSQL advisory lock, and a replica that does not get the lock does nothing this time.
 * Call it inside the transaction that does the work; the lock ends with it.
 */
public final class ReplicaTurns {

    private ReplicaTurns() {
    }

    public static <T> Flux<T> ifOurTurn(DatabaseClient db, AdvisoryLock lock, Supplier<Flux<T>> work) {
        return db.sql("SELECT pg_try_advisory_xact_lock(:lock) AS locked")
                .bind("lock", lock.key())
                .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class))).one()
                .flatMapMany(locked -> locked ? work.get() : Flux.empty());
    }
}
