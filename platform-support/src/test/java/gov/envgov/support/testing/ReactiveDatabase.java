package gov.envgov.support.testing;

import java.time.Duration;

import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;

/** A migrated test database with the reactive plumbing the platform uses, without a Spring context. */
public final class ReactiveDatabase implements AutoCloseable {

    private final ConnectionPool pool;
    private final DatabaseClient client;
    private final TransactionalOperator transactions;

    private ReactiveDatabase(ConnectionPool pool) {
        this.pool = pool;
        this.client = DatabaseClient.create(pool);
        this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(pool));
    }

    /** A fresh database with the support migrations (outbox, cursors, audit) applied. */
    public static ReactiveDatabase create(String prefix, int poolSize) {
        TestPostgres.Database database = TestPostgres.newDatabase(prefix);
        Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/support").load().migrate();
        var factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host(database.host()).port(database.port()).database(database.name())
                .username(database.user()).password(database.password()).build());
        return new ReactiveDatabase(new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(2).maxSize(poolSize).maxAcquireTime(Duration.ofSeconds(30)).build()));
    }

    public DatabaseClient client() {
        return client;
    }

    public TransactionalOperator transactions() {
        return transactions;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
