package gov.envgov.permit.report;

import static gov.envgov.permit.testing.PermitApi.INSPECTOR;
import static gov.envgov.permit.testing.PermitApi.content;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.testing.MutableClock;
import gov.envgov.permit.testing.PermitApi;
import gov.envgov.support.events.EventFeed;
import gov.envgov.support.events.FeedEvent;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;

/** Execution reports and the compliance picture, against a real PostgreSQL. */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.clock.enabled=false", "envgov.permit.reports.clock-batch-size=1"})
@Import(MutableClock.Config.class)
class ReportsIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("permit_reports").register(registry);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    MutableClock clock;

    @Autowired
    ReportService reports;

    @Autowired
    EventFeed feed;

    private List<FeedEvent> events(String type, String enterprise) {
        return feed.read(0, 10_000).block().events().stream().filter(e -> e.type().equals(type))
                .filter(e -> e.payload().get("enterpriseCode").asString().equals(enterprise)).toList();
    }

    static Map<String, Object> emissions(double so2Tonnes) {
        return Map.of("emissions", List.of(
                Map.of("outlet", "DA001", "pollutant", "二氧化硫", "tonnes", so2Tonnes),
                Map.of("outlet", "DW001", "pollutant", "化学需氧量", "tonnes", 8.5)));
    }

    @Test
    void aKeyHolderFilesQuarterlyAndAnnualReportsOnTimeLateOrNotAtAll() {
        PermitApi api = new PermitApi(web);
        clock.setDay("2026-03-10");
        String unit = api.newUnit("盘锦华锦化工有限公司", "双台子区", "KEY");
        String owner = PermitApi.owner(unit);
        String permit = api.issuedPermit(owner, unit, content(50, 12.0));
        String path = "/api/permits/" + permit + "/reports";

        api.get(owner, path).expectStatus().isOk().expectBody()
                .jsonPath("$[0].frequency").isEqualTo("QUARTERLY")
                .jsonPath("$[0].periodStart").isEqualTo("2026-01-01")
                .jsonPath("$[0].dueOn").isEqualTo("2026-04-15")
                .jsonPath("$[?(@.frequency == 'ANNUAL' && @.periodStart == '2026-01-01')].dueOn")
                .isEqualTo(List.of("2027-01-15"));
        api.put(owner, path + "/QUARTERLY/2026-01-01", emissions(2.0)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:period-not-over");

        clock.setDay("2026-04-10");
        api.put(owner, path + "/QUARTERLY/2026-01-01", emissions(2.0)).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("FILED");
        api.put(owner, path + "/QUARTERLY/2026-01-01", emissions(2.0)).expectStatus().isEqualTo(409);
        api.put(PermitApi.owner(PermitApi.ENT_B), path + "/QUARTERLY/2026-04-01", emissions(2.0))
                .expectStatus().isNotFound();
        api.get(PermitApi.owner(PermitApi.ENT_B), path).expectStatus().isNotFound();

        // The second quarter's report, due 15 July, is missing on the 20th.
        clock.setDay("2026-07-20");
        assertThat(reports.markOverdue().block()).isEqualTo(1);
        assertThat(reports.markOverdue().block()).isZero();
        assertThat(events("ExecutionReportOverdue", unit)).singleElement().satisfies(event ->
                assertThat(event.payload().get("periodStart").asString()).isEqualTo("2026-04-01"));
        api.put(owner, path + "/QUARTERLY/2026-04-01", Map.of("emissions", List.of(
                        Map.of("outlet", "DA777", "pollutant", "二氧化硫", "tonnes", 1.0))))
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("emissions[0]");
        api.put(owner, path + "/QUARTERLY/2026-04-01", emissions(3.0)).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("FILED_LATE");

        // The annual report: 15 t of SO2 against 12 t permitted.
        clock.setDay("2027-01-10");
        api.put(owner, path + "/ANNUAL/2026-01-01", emissions(15.0)).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("FILED")
                .jsonPath("$.exceeded").isEqualTo(true);
        assertThat(events("PermitQuantityExceeded", unit)).singleElement().satisfies(event -> {
            assertThat(event.payload().get("pollutant").asString()).isEqualTo("二氧化硫");
            assertThat(event.payload().get("reportedTonnes").asDouble()).isEqualTo(15.0);
            assertThat(event.payload().get("permittedTonnes").asDouble()).isEqualTo(12.0);
        });

        // Compliance: Q3 2026 has the late report, Q1 2027 the quantity exceedance (report due in January).
        clock.setDay("2027-01-20");
        // Q3 2026 (due 15 Oct) and Q4 2026 (due 15 Jan), a batch of one at a time.
        assertThat(reports.markOverdue().block()).isEqualTo(2);
        api.get(INSPECTOR, "/api/enterprises/" + unit + "/compliance").expectStatus().isOk().expectBody()
                .jsonPath("$.quarters.length()").isEqualTo(12)
                .jsonPath("$.quarters[0].label").isEqualTo("2027Q1")
                .jsonPath("$.quarters[0].quantityExceeded").isEqualTo(1)
                .jsonPath("$.quarters[0].inViolation").isEqualTo(true)
                .jsonPath("$.quarters[2].label").isEqualTo("2026Q3")
                .jsonPath("$.quarters[2].lateOrMissingReports").isEqualTo(1)
                .jsonPath("$.permits[0].status").isEqualTo("ISSUED")
                .jsonPath("$.reports.filedLate").isEqualTo(1)
                // Q3 2026 (due 15 Oct) and Q4 2026 (due 15 Jan) were never filed.
                .jsonPath("$.reports.overdue").isEqualTo(2);
        api.get(owner, "/api/enterprises/" + unit + "/compliance").expectStatus().isOk();
        api.get(PermitApi.owner(PermitApi.ENT_B), "/api/enterprises/" + unit + "/compliance")
                .expectStatus().isNotFound();
    }
}
