package gov.envgov.support.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import gov.envgov.support.testing.ServiceTestSupport;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * A small service on the platform's real auto-configuration and its shared {@code envgov-platform.yml}: endpoints
 * shaped like the services' (a body with an enum, a date, a boolean and a list; path variables; a page request; a
 * form; a database query), so that the shared input checks and problem answers are tested as a service gets them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ServiceTestSupport.class, InputTestApp.Endpoints.class})
public class InputTestApp {

    /** The properties every test of this app starts with; the shared file is imported as a service imports it. */
    public static final String[] PROPERTIES = {
        "spring.config.import=classpath:envgov-platform.yml",
        "spring.application.name=input-test",
        "envgov.database=input_test",
        "spring.flyway.enabled=false",
        "eureka.client.enabled=false",
        "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false",
    };

    enum Category { AIR, WATER, NOISE }

    record Line(String note, Double tonnes) {
    }

    record Filing(String address, Category category, LocalDate on, Boolean urgent, Integer count, List<Line> lines,
                  Map<String, String> extra) {
    }

    @Bean
    SecurityWebFilterChain openChain(ServerHttpSecurity http) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll()).build();
    }

    @RestController
    static class Endpoints {

        private final DatabaseClient db;

        Endpoints(DatabaseClient db) {
            this.db = db;
        }

        @PostMapping("/filings")
        Mono<Filing> file(@RequestBody Filing filing) {
            return Mono.just(filing);
        }

        @PostMapping("/uploads/big")
        Mono<Integer> upload(@RequestBody String body) {
            return Mono.just(body.length());
        }

        @GetMapping("/permits")
        Mono<String> search(@RequestParam(required = false) String district,
                            @RequestParam(required = false) Category category,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                            LocalDate from,
                            @RequestParam(required = false) Boolean open,
                            @Valid PageRequest page) {
            return Mono.just(district + "|" + category + "|" + from + "|" + open + "|" + page.page());
        }

        @GetMapping("/permits/{id}")
        Mono<String> permit(@PathVariable UUID id) {
            return Mono.just(id.toString());
        }

        @GetMapping("/complaints/{trackingCode}")
        Mono<String> complaint(@PathVariable String trackingCode,
                               @RequestHeader(name = "X-Tracking-Secret", required = false) String secret) {
            return Mono.just(trackingCode);
        }

        @GetMapping("/counts/{n}")
        Mono<Integer> count(@PathVariable int n) {
            return Mono.just(n);
        }

        @PostMapping("/open311/requests.json")
        Mono<String> open311(ServerWebExchange exchange) {
            return exchange.getFormData().map(form -> String.valueOf(form.getFirst("address_string")));
        }

        @GetMapping("/boom")
        Mono<String> boom() {
            return Mono.error(new IllegalStateException("a bug of ours, with password=hunter2"));
        }

        @GetMapping("/db")
        Mono<Integer> db() {
            return db.sql("SELECT 1").map(row -> row.get(0, Integer.class)).one();
        }

        @GetMapping("/db/sleep")
        Mono<Integer> sleep(@RequestParam double seconds) {
            return db.sql("SELECT 1 FROM pg_sleep(" + seconds + ")").map(row -> row.get(0, Integer.class)).one();
        }
    }
}
