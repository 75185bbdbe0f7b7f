package gov.envgov.permit.lifecycle;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.permit.permit.PermitRepository;
import gov.envgov.permit.permit.PermitStatus;
import gov.envgov.permit.permit.PermitStore;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.events.FeedEvent;
import gov.envgov.support.events.FeedSubscription;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * PERMIT-WITHDRAWN-BY-DECISION: enforcement-service's {@code PermitRevocationDecided} ({@code caseId},
 * {@code enterpriseCode}, {@code decisionNumber}, {@code decidedOn}, {@code legalBasis}) withdraws (吊销) every valid
 * permit of the enterprise, with the decision as the legal basis. Applied in the transaction that moves the cursor;
 * a redelivered event finds no valid permit left and changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class RevocationFeed {

    static final String CONSUMER = "permit-revocations";
    private static final String ACTOR = "enforcement-service";

    @Bean
    FeedSubscription permitRevocationSubscription(PermitRepository permits, PermitStore store, BureauTime time) {
        return new FeedSubscription(CONSUMER, "enforcement-service", Map.of(
                "PermitRevocationDecided", event -> withdraw(event, permits, store, time)));
    }

    private static Mono<Void> withdraw(FeedEvent event, PermitRepository permits, PermitStore store,
                                       BureauTime time) {
        JsonNode payload = event.payload();
        String enterpriseCode = text(payload, "enterpriseCode");
        String decision = text(payload, "decisionNumber");
        String basis = text(payload, "legalBasis");
        LocalDate decidedOn = payload.hasNonNull("decidedOn") ? LocalDate.parse(text(payload, "decidedOn"))
                : time.today();
        if (enterpriseCode == null || decision == null) {
            return Mono.empty();
        }
        String reason = "行政处罚决定 " + decision + " 吊销排污许可证";
        String legalBasis = (basis == null ? "" : basis + "; ") + "处罚决定书 " + decision;
        return permits.issuedFor(enterpriseCode)
                .concatMap(permit -> store.record(permit.end(PermitStatus.WITHDRAWN, reason, legalBasis, time.now()),
                        ACTOR, "withdrawn", Map.of("decisionNumber", decision, "caseId",
                                String.valueOf(text(payload, "caseId")), "eventId", event.eventId().toString()),
                        decidedOn.isAfter(time.today()) ? time.today() : decidedOn))
                .then();
    }

    private static String text(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }
}
