package gov.envgov.complaint.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Group commit of registrations: everything answered is stored whole, and a bad registration fails alone. */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.complaint.filing.group-size=8", "envgov.complaint.filing.groups-in-flight=2"})
class RegistrationWriterIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("complaint").register(registry);
    }

    @Autowired
    RegistrationWriter writer;
    @Autowired
    DatabaseClient db;
    @Autowired
    AuditTrail audit;

    private static NewComplaint registration(String trackingCode, boolean withIdentity) {
        var request = new FileComplaintRequest(null, Channel.WEB, Category.NOISE, "夜间施工噪声扰民，持续到凌晨", "大洼区",
                null, "大洼区某工地", null, null,
                withIdentity ? new Complainant("李四", "13900000000", null) : null, null);
        var registration = Complaint.register(UUID.randomUUID(), trackingCode, "citizen-1-subject", Channel.WEB,
                request.facts(), Instant.now(), LocalDate.now().plusDays(21));
        return new NewComplaint(registration.complaint(), registration.event(), request.complainant(), null,
                "citizen1", false);
    }

    private long count(String sql, List<UUID> ids) {
        return db.sql(sql).bind("ids", ids.toArray(UUID[]::new)).map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    void manyRegistrationsAtOnceAreEachStoredWithIdentityEventAndAuditEntry() {
        List<NewComplaint> registrations = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            registrations.add(registration("HB-GROUP-" + i, i % 2 == 0));
        }

        // A lost wake-up would leave filers waiting for ever: the timeout turns that into a failure.
        Flux.fromIterable(registrations).flatMap(writer::store, registrations.size()).blockLast(WAIT);

        List<UUID> ids = registrations.stream().map(r -> r.complaint().id()).toList();
        assertThat(count("SELECT count(*) FROM complaint WHERE id = ANY(:ids)", ids)).isEqualTo(100);
        assertThat(count("SELECT count(*) FROM complainant_identity WHERE complaint_id = ANY(:ids)", ids))
                .isEqualTo(50);
        assertThat(count("""
                SELECT count(*) FROM event_outbox
                WHERE event_type = 'ComplaintRegistered' AND aggregate_id::uuid = ANY(:ids)""", ids)).isEqualTo(100);
        assertThat(count("""
                SELECT count(*) FROM audit_log
                WHERE action = 'register' AND actor = 'citizen1' AND object_id::uuid = ANY(:ids)""", ids))
                .isEqualTo(100);
        assertThat(audit.firstBrokenEntry().blockOptional()).isEmpty();
    }

    @Test
    void aRegistrationThatCannotBeStoredFailsAloneAndTheRestOfItsGroupIsStored() {
        writer.store(registration("HB-TAKEN", false)).block();
        List<NewComplaint> registrations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            registrations.add(registration(i == 7 ? "HB-TAKEN" : "HB-REST-" + i, true));
        }

        List<String> outcomes = Flux.fromIterable(registrations)
                .flatMap(r -> writer.store(r).thenReturn("stored " + r.complaint().trackingCode())
                        .onErrorResume(failed -> Mono.just("failed " + r.complaint().trackingCode())),
                        registrations.size())
                .collectList().block(WAIT);

        assertThat(outcomes).hasSize(20).contains("failed HB-TAKEN")
                .filteredOn(outcome -> outcome.startsWith("stored")).hasSize(19);
        List<UUID> ids = registrations.stream().map(r -> r.complaint().id()).toList();
        assertThat(count("SELECT count(*) FROM complaint WHERE id = ANY(:ids)", ids)).isEqualTo(19);
        assertThat(count("SELECT count(*) FROM complainant_identity WHERE complaint_id = ANY(:ids)", ids))
                .isEqualTo(19);
        assertThat(count("SELECT count(*) FROM event_outbox WHERE aggregate_id::uuid = ANY(:ids)", ids))
                .isEqualTo(19);
    }
}
