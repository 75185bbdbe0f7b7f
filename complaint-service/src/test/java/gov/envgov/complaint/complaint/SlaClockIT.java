package gov.envgov.complaint.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.events.EventFeed;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Due dates, pauses, extensions and escalation, with a clock the test moves across the Spring Festival of 2026. */
@ServiceTest(properties = {
        "eureka.client.enabled=false",
        "envgov.events.consumer.enabled=false",
        "envgov.complaint.escalation.interval=1h"})
@Import(SlaClockIT.MovableClock.class)
@DirtiesContext
class SlaClockIT {

    static final String CITIZEN = TestTokens.of("citizen-s", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler");

    /** A clock the test sets; the application reads it like any clock. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>();

        void set(String localDateAtTenBeijing) {
            now.set(Instant.parse(localDateAtTenBeijing + "T02:00:00Z"));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("sla").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    TestClock clock;
    @Autowired
    ComplaintService service;
    @Autowired
    EventFeed feed;

    @BeforeEach
    void thursdayBeforeTheSpringFestival() {
        clock.set("2026-02-12");
    }

    private String file() {
        JsonNode created = web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("category", "WATER",
                        "description", "河道出现大片油污", "district", "兴隆台区"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.get("dueDate").asString()).isEqualTo("2026-03-11");
        return created.get("id").asString();
    }

    private WebTestClient.ResponseSpec step(String token, String id, String action, Object body) {
        return web.post().uri("/api/complaints/" + id + "/" + action)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body == null ? Map.of() : body).exchange();
    }

    private JsonNode read(String id) {
        return web.get().uri("/api/complaints/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void overdueWorkEscalatesStepByStepOnceEachAndOnlyOneRunEscalates() {
        String id = file();
        clock.set("2026-03-11");
        assertThat(service.escalateOverdue().block()).isZero();
        assertThat(read(id).get("overdue").asBoolean()).isFalse();

        clock.set("2026-03-12");
        Long first = service.escalateOverdue().block();
        assertThat(first).isPositive();
        assertThat(read(id).get("sla").get("escalation").asString()).isEqualTo("REMINDER");
        assertThat(read(id).get("overdue").asBoolean()).isTrue();
        assertThat(service.escalateOverdue().block()).isZero();

        clock.set("2026-03-16");
        // Two replicas at once: one holds the lock, the other escalates nothing.
        Long concurrent = Mono.zip(service.escalateOverdue(), service.escalateOverdue())
                .map(pair -> pair.getT1() + pair.getT2()).block();
        assertThat(concurrent).isEqualTo(first);
        assertThat(read(id).get("sla").get("escalation").asString()).isEqualTo("SUPERVISION");

        clock.set("2026-03-18");
        service.escalateOverdue().block();
        assertThat(read(id).get("sla").get("escalation").asString()).isEqualTo("PUBLIC_NOTICE");
        assertThat(feed.read(0, 1000).block().events().stream()
                .filter(event -> event.aggregateId().equals(id) && event.type().equals("ComplaintEscalated"))
                .map(event -> event.payload().get("level").asString()))
                .containsExactly("REMINDER", "SUPERVISION", "PUBLIC_NOTICE");
    }

    @Test
    void anEmergencyLeadsTheQueueAndEscalatesWhenNotDispatchedWithinTheHour() {
        String ordinary = file();
        JsonNode emergency = web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "EMERGENCY", "category", "WATER",
                        "description", "化工厂储罐泄漏，液体流入河道", "district", "兴隆台区"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(emergency.get("dispatchBy").asString()).isEqualTo("2026-02-12T03:00:00Z");
        String emergencyId = emergency.get("id").asString();
        JsonNode queue = web.get().uri("/api/complaints/queue?size=200")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        java.util.List<String> order = queue.get("items").findValuesAsString("id");
        assertThat(order.indexOf(emergencyId)).isLessThan(order.indexOf(ordinary));

        clock.now.set(Instant.parse("2026-02-12T02:59:00Z"));
        service.escalateOverdue().block();
        assertThat(read(emergencyId).get("sla").get("escalation").asString()).isEqualTo("NONE");
        clock.now.set(Instant.parse("2026-02-12T03:01:00Z"));
        service.escalateOverdue().block();
        assertThat(read(emergencyId).get("sla").get("escalation").asString()).isEqualTo("SUPERVISION");
        assertThat(read(ordinary).get("sla").get("escalation").asString()).isEqualTo("NONE");
    }

    @Test
    void aPauseMovesTheDueDateByTheWorkingDaysTheClockStoodStill() {
        String id = file();
        step(OPERATOR, id, "dispatch", null).expectStatus().isOk();
        step(XLT, id, "accept", null).expectStatus().isOk();
        step(XLT, id, "pause", null).expectStatus().isOk().expectBody().jsonPath("$.sla.pausedSince")
                .isEqualTo("2026-02-12");
        step(XLT, id, "pause", null).expectStatus().isEqualTo(409);

        clock.set("2026-03-12");
        assertThat(service.escalateOverdue().block()).isZero();

        clock.set("2026-03-02");
        // 13, 14 (make-up), 24–27, 28 (make-up), 2 Mar: 8 working days; 11 Mar + 8 = 23 Mar.
        step(XLT, id, "resume", null).expectStatus().isOk().expectBody()
                .jsonPath("$.dueDate").isEqualTo("2026-03-23").jsonPath("$.sla.pausedSince").doesNotExist();
    }

    @Test
    void anExtensionIsApprovedOnceBeforeTheDeadlineWithinTheCeilingAndTheComplainantSeesWhy() {
        String id = file();
        clock.set("2026-03-02");
        step(OPERATOR, id, "extension", Map.of("dueDate", "2026-06-30", "reason", "需第三方检测"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:extension-out-of-range");
        step(XLT, id, "extension", Map.of("dueDate", "2026-04-10", "reason", "x")).expectStatus().isForbidden();
        step(OPERATOR, id, "extension", Map.of("dueDate", "2026-04-10", "reason", "需委托第三方检测，延期办理"))
                .expectStatus().isOk().expectBody().jsonPath("$.dueDate").isEqualTo("2026-04-10");
        step(OPERATOR, id, "extension", Map.of("dueDate", "2026-04-20", "reason", "again"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:already-extended");
        web.get().uri("/api/complaints/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.sla.extensionReason").isEqualTo("需委托第三方检测，延期办理");

        clock.set("2026-02-12");
        String late = file();
        clock.set("2026-03-12");
        step(OPERATOR, late, "extension", Map.of("dueDate", "2026-04-10", "reason", "太迟"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:extension-too-late");
    }
}
