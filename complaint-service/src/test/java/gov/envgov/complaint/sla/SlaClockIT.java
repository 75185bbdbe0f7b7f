package gov.envgov.complaint.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.testing.MutableClock;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.events.EventFeed;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * Due dates, pauses, extensions and escalation, with a clock the test moves across the Spring Festival of 2026.
 * The service's clock is off: the test runs escalation itself, two complaints per query so that a run has to go
 * through several batches.
 */
@ServiceTest(properties = {
        "eureka.client.enabled=false",
        "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false",
        "envgov.complaint.escalation.batch-size=2"})
@Import(MutableClock.Config.class)
@DirtiesContext
class SlaClockIT {

    static final String CITIZEN = TestTokens.of("citizen-s", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler");
    static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("sla").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    MutableClock clock;
    @Autowired
    EscalationService escalation;
    @Autowired
    EventFeed feed;
    @Autowired
    AuditTrail audit;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transactions;
    @Autowired
    DueDateRecount recount;

    /** Each test starts on an empty line, so that what a run escalates is exactly what the test filed. */
    @BeforeEach
    void thursdayBeforeTheSpringFestivalOnAnEmptyLine() {
        clock.setDay("2026-02-12");
        db.sql("DELETE FROM complaint_photo").then()
                .then(db.sql("DELETE FROM complaint_extension_request").then())
                .then(db.sql("DELETE FROM complaint_publication").then())
                .then(db.sql("DELETE FROM complainant_access").then())
                .then(db.sql("DELETE FROM complaint_reward").then())
                .then(db.sql("DELETE FROM complainant_identity").then())
                .then(db.sql("DELETE FROM complaint").then())
                .block(WAIT);
    }

    private String file() {
        JsonNode created = web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("category", "WATER",
                        "description", "河道出现大片油污", "district", "兴隆台区"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.get("dueDate").asString()).isEqualTo("2026-03-11");
        return created.get("id").asString();
    }

    private String fileEmergency() {
        return web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "EMERGENCY", "category", "WATER",
                        "description", "化工厂储罐泄漏，液体流入河道", "district", "兴隆台区"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
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

    private String escalationOf(String id) {
        return read(id).get("sla").get("escalation").asString();
    }

    private List<String> escalationEvents(String id) {
        return feed.read(0, 1000).block(WAIT).events().stream()
                .filter(event -> event.aggregateId().equals(id) && event.type().equals("ComplaintEscalated"))
                .map(event -> event.payload().get("level").asString())
                .toList();
    }

    private List<String> escalationAudit(String id) {
        return audit.history("complaint", id).collectList().block(WAIT).stream()
                .filter(entry -> entry.action().equals("escalate"))
                .map(AuditTrail.Entry::actor)
                .toList();
    }

    @Test
    void overdueWorkEscalatesStepByStepOnceEachAndOnlyOneRunEscalates() {
        String id = file();
        clock.setDay("2026-03-11");
        assertThat(escalation.escalateOverdue().block(WAIT)).isZero();
        assertThat(read(id).get("overdue").asBoolean()).isFalse();

        clock.setDay("2026-03-12");
        Long first = escalation.escalateOverdue().block(WAIT);
        assertThat(first).isEqualTo(1);
        assertThat(escalationOf(id)).isEqualTo("REMINDER");
        assertThat(read(id).get("overdue").asBoolean()).isTrue();
        assertThat(escalation.escalateOverdue().block(WAIT)).isZero();

        clock.setDay("2026-03-16");
        // Two replicas at once: one holds the lock, the other escalates nothing.
        Long concurrent = Mono.zip(escalation.escalateOverdue(), escalation.escalateOverdue())
                .map(pair -> pair.getT1() + pair.getT2()).block(WAIT);
        assertThat(concurrent).isEqualTo(first);
        assertThat(escalationOf(id)).isEqualTo("SUPERVISION");

        clock.setDay("2026-03-18");
        escalation.escalateOverdue().block(WAIT);
        assertThat(escalationOf(id)).isEqualTo("PUBLIC_NOTICE");
        assertThat(escalationEvents(id)).containsExactly("REMINDER", "SUPERVISION", "PUBLIC_NOTICE");
    }

    /**
     * Another replica is in the middle of its run: it has escalated and not yet committed. This replica's run
     * must see that it is not its turn and do nothing — without the turn it would read the same overdue
     * complaint and wait on the other's uncommitted row.
     */
    @Test
    void aReplicaThatIsNotOnTurnDoesNothingWhileAnotherEscalates() throws Exception {
        String id = file();
        clock.setDay("2026-03-12");
        Sinks.One<Long> escalatedByOther = Sinks.one();
        Sinks.Empty<Void> letOtherCommit = Sinks.empty();
        CompletableFuture<Long> other = transactions.transactional(escalation.escalateOverdue()
                        .doOnNext(escalatedByOther::tryEmitValue)
                        .flatMap(escalated -> letOtherCommit.asMono().thenReturn(escalated)))
                .toFuture();
        Long ours;
        try {
            assertThat(escalatedByOther.asMono().block(WAIT)).isEqualTo(1);
            ours = escalation.escalateOverdue().timeout(Duration.ofSeconds(5)).onErrorReturn(-1L).block(WAIT);
        } finally {
            letOtherCommit.tryEmitEmpty();
        }
        assertThat(ours).as("escalated by the replica that is not on turn (-1: it waited on the other)").isZero();
        assertThat(other.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);

        assertThat(escalationOf(id)).isEqualTo("REMINDER");
        assertThat(escalationEvents(id)).containsExactly("REMINDER");
        assertThat(escalationAudit(id)).containsExactly("system:sla");
    }

    @Test
    void everyOverdueComplaintAndEveryLateEmergencyEscalatesWhateverTheBatchSize() {
        List<String> overdue = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            overdue.add(file());
        }
        clock.setDay("2026-03-12");
        assertThat(escalation.escalateOverdue().block(WAIT)).isEqualTo(5);
        assertThat(overdue).allSatisfy(id -> assertThat(escalationOf(id)).isEqualTo("REMINDER"));
        assertThat(escalation.escalateOverdue().block(WAIT)).isZero();

        List<String> emergencies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            emergencies.add(fileEmergency());
        }
        clock.set(clock.instant().plus(Duration.ofMinutes(61)));
        assertThat(escalation.escalateOverdue().block(WAIT)).isEqualTo(3);
        assertThat(emergencies).allSatisfy(id -> {
            assertThat(escalationOf(id)).isEqualTo("SUPERVISION");
            assertThat(escalationEvents(id)).containsExactly("SUPERVISION");
        });
        assertThat(overdue).allSatisfy(id -> assertThat(escalationEvents(id)).containsExactly("REMINDER"));
    }

    @Test
    void anEmergencyLeadsTheQueueAndEscalatesWhenNotDispatchedWithinTheHour() {
        String ordinary = file();
        JsonNode emergency = web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("type", "EMERGENCY", "category", "WATER",
                        "description", "化工厂储罐泄漏，液体流入河道", "district", "兴隆台区"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        // Times are answered in the bureau's offset (API-TIME-CONVENTION).
        assertThat(emergency.get("dispatchBy").asString()).isEqualTo("2026-02-12T11:00:00+08:00");
        String emergencyId = emergency.get("id").asString();
        JsonNode queue = web.get().uri("/api/complaints/queue?size=200")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> order = queue.get("items").findValuesAsString("id");
        assertThat(order.indexOf(emergencyId)).isLessThan(order.indexOf(ordinary));

        clock.set(Instant.parse("2026-02-12T02:59:00Z"));
        escalation.escalateOverdue().block(WAIT);
        assertThat(escalationOf(emergencyId)).isEqualTo("NONE");
        clock.set(Instant.parse("2026-02-12T03:01:00Z"));
        escalation.escalateOverdue().block(WAIT);
        assertThat(escalationOf(emergencyId)).isEqualTo("SUPERVISION");
        assertThat(escalationOf(ordinary)).isEqualTo("NONE");
    }

    @Test
    void aPauseMovesTheDueDateByTheWorkingDaysTheClockStoodStill() {
        String id = file();
        step(OPERATOR, id, "dispatch", null).expectStatus().isOk();
        step(XLT, id, "accept", null).expectStatus().isOk();
        step(XLT, id, "pause", null).expectStatus().isOk().expectBody().jsonPath("$.sla.pausedSince")
                .isEqualTo("2026-02-12");
        step(XLT, id, "pause", null).expectStatus().isEqualTo(409);

        clock.setDay("2026-03-12");
        assertThat(escalation.escalateOverdue().block(WAIT)).isZero();

        clock.setDay("2026-03-02");
        // 13, 14 (make-up), 24–27, 28 (make-up), 2 Mar: 8 working days; 11 Mar + 8 = 23 Mar.
        step(XLT, id, "resume", null).expectStatus().isOk().expectBody()
                .jsonPath("$.dueDate").isEqualTo("2026-03-23").jsonPath("$.sla.pausedSince").doesNotExist();
    }

    @Test
    void anExtensionIsApprovedOnceBeforeTheDeadlineWithinTheCeilingAndTheComplainantSeesWhy() {
        String id = file();
        clock.setDay("2026-03-02");
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

        clock.setDay("2026-02-12");
        String late = file();
        clock.setDay("2026-03-12");
        step(OPERATOR, late, "extension", Map.of("dueDate", "2026-04-10", "reason", "太迟"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:extension-too-late");
    }

    private JsonNode replied(String id) {
        step(OPERATOR, id, "dispatch", null).expectStatus().isOk();
        step(XLT, id, "accept", null).expectStatus().isOk();
        step(XLT, id, "start", null).expectStatus().isOk();
        step(XLT, id, "handling", Map.of("substantiated", true, "findings", "河道油污属实")).expectStatus().isOk();
        return step(XLT, id, "reply", Map.of("text", "已责令清理")).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private List<String> eventTypes(String id) {
        return feed.read(0, 1000).block(WAIT).events().stream()
                .filter(event -> event.aggregateId().equals(id)).map(event -> event.type()).toList();
    }

    /**
     * CMP-REOPEN-NEW-LIMIT: a complaint reopened (重办) weeks after its first due date gets a new time limit from
     * the day it reopens; the next escalation run does not publish a 通报 at once.
     */
    @Test
    void cmpReopenNewLimitCountsFromTheDayItReopensAndDoesNotEscalateAtOnce() {
        String id = file();
        clock.setDay("2026-03-02");
        replied(id);
        clock.setDay("2026-03-30");
        step(OPERATOR, id, "follow-up", Map.of("satisfaction", "UNSATISFIED", "solved", false, "reopen", true))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("HANDLING")
                // 15 working days from Mon 30 Mar: 31 Mar – 3 Apr, 清明 4–6 Apr off, 7–10, 13–17, 20–21 Apr.
                .jsonPath("$.dueDate").isEqualTo("2026-04-21")
                .jsonPath("$.overdue").isEqualTo(false)
                .jsonPath("$.sla.escalation").isEqualTo("NONE");
        assertThat(escalation.escalateOverdue().block(WAIT)).isZero();
        assertThat(escalationOf(id)).isEqualTo("NONE");
        assertThat(eventTypes(id)).contains("ComplaintReopened");

        clock.setDay("2026-04-22");
        escalation.escalateOverdue().block(WAIT);
        assertThat(escalationOf(id)).isEqualTo("REMINDER");
    }

    /** CMP-CEILING-FROM-RECEIPT: a letter's ceiling counts from the day it arrived, not from its registration. */
    @Test
    void cmpCeilingFromReceiptLimitsALettersExtensionFromItsArrival() {
        String id = web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("channel", "LETTER", "category", "WATER",
                        "description", "来信反映河道油污", "district", "兴隆台区", "receivedOn", "2026-02-10"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
        // Arrived 10 Feb: 60 + 30 days later is 11 May; counted from registration (12 Feb) it would be 13 May.
        step(OPERATOR, id, "extension", Map.of("dueDate", "2026-05-12", "reason", "需第三方检测"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:extension-out-of-range");
        step(OPERATOR, id, "extension", Map.of("dueDate", "2026-05-11", "reason", "需第三方检测"))
                .expectStatus().isOk().expectBody().jsonPath("$.dueDate").isEqualTo("2026-05-11");
    }

    /** CMP-CEILING-FROM-RECEIPT: the ceiling binds pauses too, not only extensions. */
    @Test
    void cmpCeilingFromReceiptBindsALongPause() {
        String id = file();
        step(OPERATOR, id, "dispatch", null).expectStatus().isOk();
        step(XLT, id, "accept", null).expectStatus().isOk();
        step(XLT, id, "pause", null).expectStatus().isOk();
        clock.setDay("2026-06-01");
        // 60 days from receipt on 12 Feb: 13 April, however long the clock stood still.
        step(XLT, id, "resume", null).expectStatus().isOk().expectBody()
                .jsonPath("$.dueDate").isEqualTo("2026-04-13");
    }

    /**
     * CMP-DUE-DATE-RECOUNT: due dates are stored when computed; a year's schedule that arrives late (or is
     * corrected) has the open complaints counted across it counted again, one ComplaintDueDateChanged each.
     */
    @Test
    void cmpDueDateRecountMovesStoredDueDatesWhenAYearsScheduleArrivesLate() {
        String id = file();
        String answered = file();
        replied(answered);
        recount.recountChangedYears().block(WAIT);
        assertThat(recount.recountChangedYears().block(WAIT)).isZero();

        // As if 2026's notice had come after these were registered: counted on weekends only, 15 working days
        // from 12 Feb end on 5 March; and the service had not yet applied any 2026 schedule.
        db.sql("UPDATE complaint SET due_date = DATE '2026-03-05'").then()
                .then(db.sql("DELETE FROM calendar_revision WHERE year = 2026").then()).block(WAIT);

        assertThat(recount.recountChangedYears().block(WAIT)).isEqualTo(1);
        assertThat(read(id).get("dueDate").asString()).isEqualTo("2026-03-11");
        assertThat(read(answered).get("dueDate").asString()).isEqualTo("2026-03-05");
        List<JsonNode> changed = feed.read(0, 1000).block(WAIT).events().stream()
                .filter(event -> event.type().equals("ComplaintDueDateChanged")).map(event -> event.payload())
                .toList();
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).get("complaintId").asString()).isEqualTo(id);
        assertThat(changed.get(0).get("previousDueDate").asString()).isEqualTo("2026-03-05");
        assertThat(changed.get(0).get("dueDate").asString()).isEqualTo("2026-03-11");
        assertThat(changed.get(0).get("calendarYear").asInt()).isEqualTo(2026);
        assertThat(recount.recountChangedYears().block(WAIT)).isZero();
        assertThat(audit.history("complaint", id).collectList().block(WAIT))
                .extracting(AuditTrail.Entry::actor).contains("system:calendar");
    }
}
