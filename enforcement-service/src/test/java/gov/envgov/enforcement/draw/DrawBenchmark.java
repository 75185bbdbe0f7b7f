package gov.envgov.enforcement.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.enforcement.pool.PoolService;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A draw over a pool of 100,000 units, through the service, and its verification by the standalone verifier,
 * each against the floor: reading the same snapshot from the database and hashing it, measured in the same run.
 * A benchmark, not a test: {@code ./mvnw -pl enforcement-service verify -Dit.test=DrawBenchmark}.
 */
@ServiceTest
class DrawBenchmark {

    static final int POOL = 100_000;
    static final int ROUNDS = 5;
    static final String INSPECTOR = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("enforcement_draw_benchmark").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    PoolService pool;

    @Test
    void drawAndVerifyAHundredThousandUnitsAgainstReadingAndHashingThem() throws Exception {
        db.sql("""
                INSERT INTO pool_entity (code, name, district, management_class, version, credit_grade)
                SELECT '91211103MA' || lpad(n::text, 8, '0'), 'unit ' || n, '兴隆台区', 'KEY', 1,
                       (ARRAY['守信', '一般守信', '失信', '严重失信', NULL])[1 + n %% 5]
                FROM generate_series(1, %d) AS n""".formatted(POOL)).then().block();
        db.sql("ANALYZE pool_entity").then().block();
        WebTestClient slow = web.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build();

        List<Long> floor = new ArrayList<>();
        List<Long> draw = new ArrayList<>();
        List<Long> verify = new ArrayList<>();
        for (int round = 0; round < ROUNDS + 1; round++) {
            long start = System.nanoTime();
            var members = pool.members("兴隆台区", "KEY")
                    .map(member -> new DrawAlgorithm.Entry(member.code(), 1)).collectList().block();
            DrawAlgorithm.sha256Hex(DrawAlgorithm.canonical(members));
            long floorNanos = System.nanoTime() - start;

            String id = JSON.readTree(slow.post().uri("/api/enforcement/draws").header(HttpHeaders.AUTHORIZATION,
                            INSPECTOR).bodyValue(java.util.Map.of("period", "2026M" + String.format("%02d", round + 1),
                            "level", "COUNTY", "district", "兴隆台区", "managementClass", "KEY"))
                    .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                    .get("id").asString();
            start = System.nanoTime();
            JsonNode drawn = JSON.readTree(slow.post().uri("/api/enforcement/draws/" + id + "/draw")
                    .header(HttpHeaders.AUTHORIZATION, INSPECTOR).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBody());
            long drawNanos = System.nanoTime() - start;
            assertThat(drawn.get("sampleSize").asInt()).isEqualTo(POOL / 4);

            slow.post().uri("/api/enforcement/draws/" + id + "/publication").header(HttpHeaders.AUTHORIZATION,
                    INSPECTOR).exchange().expectStatus().isOk();
            byte[] publication = slow.get().uri("/api/public/inspections/draws/" + id + "/verification").exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody();
            Path file = Files.createTempFile("draw", ".json");
            Files.write(file, publication);
            start = System.nanoTime();
            Process verifier = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "verifier/VerifyDraw.java", file.toString()).redirectErrorStream(true).start();
            String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(verifier.waitFor(5, TimeUnit.MINUTES)).isTrue();
            long verifyNanos = System.nanoTime() - start;
            assertThat(output).isEqualTo("MATCH");
            if (round > 0) {
                // The first round warms up the JIT and the database's caches.
                floor.add(floorNanos);
                draw.add(drawNanos);
                verify.add(verifyNanos);
            }
        }
        double floorMs = median(floor) / 1e6;
        double drawMs = median(draw) / 1e6;
        double verifyMs = median(verify) / 1e6;
        System.out.printf("%nDraw over %,d units, %,d drawn (median of %d rounds):%n", POOL, POOL / 4, ROUNDS);
        System.out.printf("  floor: read the snapshot and hash it   %8.1f ms%n", floorMs);
        System.out.printf("  draw through the service (HTTP)        %8.1f ms   %.2f x floor%n", drawMs,
                drawMs / floorMs);
        System.out.printf("  standalone verifier (new JVM, source)  %8.1f ms   %.2f x floor%n", verifyMs,
                verifyMs / floorMs);
        System.out.printf("  the verifier agreed with the service on %d of %d draws%n%n", ROUNDS + 1, ROUNDS + 1);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
