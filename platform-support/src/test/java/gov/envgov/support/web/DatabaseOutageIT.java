package gov.envgov.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.testing.TestPostgres;

/**
 * A service on a real PostgreSQL whose pool has one connection: a request that finds the pool exhausted, and one
 * whose connection the server drops, are fast 503 problems with {@code Retry-After}; the service serves again as soon
 * as the database does (ERR-OUTAGE-503).
 */
@SpringBootTest(classes = InputTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.import=classpath:envgov-platform.yml",
            "spring.application.name=input-test",
            "envgov.database=input_test",
            "spring.flyway.enabled=false",
            "eureka.client.enabled=false",
            "envgov.events.consumer.enabled=false",
            "envgov.clock.enabled=false",
            "spring.r2dbc.pool.initial-size=1",
            "spring.r2dbc.pool.max-size=1",
            "spring.r2dbc.pool.max-acquire-time=1s",
            "envgov.web.outage.retry-after=7s",
        })
@AutoConfigureWebTestClient(timeout = "30s")
class DatabaseOutageIT {

    private static final TestPostgres.Database DATABASE = TestPostgres.newDatabase("outage");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @Autowired
    WebTestClient client;

    @Test
    @DisplayName("ERR-OUTAGE-503: a request that cannot get a connection in time is a 503, after the acquire timeout")
    void errOutage503PoolExhausted() throws Exception {
        client.get().uri("/db").exchange().expectStatus().isOk();
        CompletableFuture<EntityExchangeResult<String>> holder = CompletableFuture.supplyAsync(() -> client.get()
                .uri("/db/sleep?seconds=4").exchange().expectBody(String.class).returnResult());
        Thread.sleep(500);
        long start = System.nanoTime();
        client.get().uri("/db").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "7")
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:service-unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(holder.get(10, TimeUnit.SECONDS).getStatus().value()).isEqualTo(200);
        client.get().uri("/db").exchange().expectStatus().isOk();
    }

    @Test
    @DisplayName("ERR-OUTAGE-503: a connection the database closes mid-query is a 503, and the next request is served")
    void errOutage503ConnectionClosed() throws Exception {
        CompletableFuture<EntityExchangeResult<String>> sleeper = CompletableFuture.supplyAsync(() -> client.get()
                .uri("/db/sleep?seconds=20").exchange().expectBody(String.class).returnResult());
        int terminated = 0;
        for (int attempt = 0; attempt < 50 && terminated == 0; attempt++) {
            Thread.sleep(100);
            terminated = terminateSleepers();
        }
        assertThat(terminated).isEqualTo(1);
        EntityExchangeResult<String> answer = sleeper.get(10, TimeUnit.SECONDS);
        assertThat(answer.getStatus().value()).isEqualTo(503);
        assertThat(answer.getResponseHeaders().getFirst("Retry-After")).isEqualTo("7");
        assertThat(answer.getResponseBody()).contains("urn:envgov:problem:service-unavailable");
        client.get().uri("/db").exchange().expectStatus().isOk();
    }

    private static int terminateSleepers() throws Exception {
        try (Connection connection = DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.user(),
                DATABASE.password());
             Statement statement = connection.createStatement();
             ResultSet killed = statement.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                     + "FROM pg_stat_activity WHERE query LIKE '%pg_sleep(20%' AND pid <> pg_backend_pid()")) {
            killed.next();
            return killed.getInt(1);
        }
    }
}
