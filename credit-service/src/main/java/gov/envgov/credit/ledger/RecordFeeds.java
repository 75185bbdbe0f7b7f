package gov.envgov.credit.ledger;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.events.EventHandler;
import gov.envgov.support.events.FeedEvent;
import gov.envgov.support.events.FeedSubscription;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit records from the other services' feeds (the closed loop). Each event applies in the transaction that moves
 * the cursor, and the record's unique source key makes a redelivered event a no-op (CRD-RECORD-ONCE). Payloads are
 * read tolerantly: only the fields named here are needed, anything else is kept as details.
 */
@Configuration(proxyBeanMethods = false)
class RecordFeeds {

    static final String PERMIT_FEED = "credit-records";
    static final String COMPLAINT_FEED = "credit-complaint-records";
    static final String ENFORCEMENT_FEED = "credit-enforcement-records";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Bean
    FeedSubscription permitRecordSubscription(RecordService records, JsonMapper json, ZoneId bureauZone) {
        Reader reader = new Reader(PERMIT_FEED, "permit-service", json, bureauZone);
        return new FeedSubscription(PERMIT_FEED, "permit-service", Map.of(
                "MonitoringExceedance", reader.handler(records, event -> reader.fact(event,
                        reader.day(event, "startedAt"),
                        ratio(event.payload(), "concentration", "permitted"),
                        "在线监测超标：排口 " + text(event, "outlet") + " " + text(event, "pollutant") + " "
                                + text(event, "concentration") + "（许可 " + text(event, "permitted") + "）")),
                "ExecutionReportOverdue", reader.handler(records, event -> reader.fact(event,
                        reader.day(event, "dueOn"), null,
                        "执行报告逾期未报：" + text(event, "frequency") + " 报告期自 " + text(event, "periodStart"))),
                "PermitQuantityExceeded", reader.handler(records, event -> reader.fact(event,
                        yearEnd(event.payload()), ratio(event.payload(), "reportedTonnes", "permittedTonnes"),
                        text(event, "year") + " 年排放量超许可：" + text(event, "outlet") + " " + text(event, "pollutant")
                                + " " + text(event, "reportedTonnes") + " 吨（许可 " + text(event, "permittedTonnes")
                                + " 吨）")),
                "PermitExpired", reader.handler(records, event -> reader.fact(event, reader.day(event, "validTo"),
                        null, "排污许可证 " + text(event, "number") + " 已于 " + text(event, "validTo") + " 到期")),
                "DischargeWithoutPermit", reader.handler(records, event -> reader.fact(event,
                        reader.day(event, "detectedOn"), null, "无有效排污许可证排放污染物"))));
    }

    @Bean
    FeedSubscription complaintRecordSubscription(RecordService records, JsonMapper json, ZoneId bureauZone) {
        Reader reader = new Reader(COMPLAINT_FEED, "complaint-service", json, bureauZone);
        return new FeedSubscription(COMPLAINT_FEED, "complaint-service", Map.of(
                "ComplaintSubstantiated", reader.handler(records, event -> reader.fact(event,
                        reader.day(event, "at"), null, "12345 投诉经查属实：" + text(event, "findings")))));
    }

    @Bean
    FeedSubscription enforcementRecordSubscription(RecordService records, JsonMapper json, ZoneId bureauZone) {
        Reader reader = new Reader(ENFORCEMENT_FEED, "enforcement-service", json, bureauZone);
        return new FeedSubscription(ENFORCEMENT_FEED, "enforcement-service", Map.of(
                "PenaltyDecided", reader.handler(records, event -> !"PENALTY".equals(text(event, "outcome")) ? null
                        : reader.fact(event, reader.day(event, "decidedOn"), number(event.payload(), "amount"),
                        "行政处罚决定：" + text(event, "violation") + "，罚款 " + text(event, "amount") + " 元（"
                                + text(event, "legalBasis") + "）")),
                "PenaltyPaid", reader.handler(records, event -> reader.fact(event, reader.day(event, "paidOn"),
                        null, "罚款已缴纳：" + text(event, "fine") + " 元")),
                "InspectionCompleted", reader.handler(records, event -> {
                    double failed = failedItems(event.payload());
                    return failed <= 0 ? null : reader.fact(event, reader.day(event, "completedOn"), failed,
                            "双随机检查：" + text(event, "result") + "，不合格项 " + (long) failed + " 项");
                }),
                "DecisionWithdrawn", event -> records.withdrawDecision(uuid(event.payload(), "caseId"),
                        List.of("PenaltyDecided"), "处罚决定已撤销：" + text(event, "reason")).then()));
    }

    /** Reads one producer's events into facts. */
    private record Reader(String feed, String producer, JsonMapper json, ZoneId zone) {

        EventHandler handler(RecordService records, Function<FeedEvent, RecordService.Fact> read) {
            return event -> {
                RecordService.Fact fact = read.apply(event);
                return fact == null || fact.subjectCode() == null ? Mono.empty() : records.receive(fact).then();
            };
        }

        RecordService.Fact fact(FeedEvent event, LocalDate occurredOn, Double measure, String summary) {
            JsonNode payload = event.payload();
            String subject = nullable(payload, "enterpriseCode");
            if (subject == null) {
                subject = nullable(payload, "enterpriseId");
            }
            Map<String, Object> details = new HashMap<>(json.convertValue(payload, MAP));
            details.put("producerEventType", event.type());
            return new RecordService.Fact(new CreditRecord.Source(producer, feed, event.position(), event.eventId()),
                    event.type(), subject, uuid(payload, "caseId"), occurredOn, LocalDate.ofInstant(event.occurredAt(),
                    zone), measure, payload.path("veto").asBoolean(false), summary, details);
        }

        /** A date field (a day or an instant) of the payload, else the day the event occurred. */
        LocalDate day(FeedEvent event, String field) {
            String value = nullable(event.payload(), field);
            if (value == null) {
                return LocalDate.ofInstant(event.occurredAt(), zone);
            }
            return value.length() == 10 ? LocalDate.parse(value)
                    : LocalDate.ofInstant(java.time.Instant.parse(value), zone);
        }
    }

    private static LocalDate yearEnd(JsonNode payload) {
        return LocalDate.of(payload.path("year").asInt(), 12, 31);
    }

    /** How far a measured value is above its limit (measured ÷ permitted − 1). */
    private static Double ratio(JsonNode payload, String measured, String permitted) {
        Double value = number(payload, measured);
        Double limit = number(payload, permitted);
        return value == null || limit == null || limit <= 0 ? null : value / limit - 1;
    }

    private static double failedItems(JsonNode payload) {
        JsonNode failed = payload.path("failedItems");
        if (failed.isArray()) {
            return failed.size();
        }
        return failed.isNumber() ? failed.asDouble() : 0;
    }

    private static Double number(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    private static UUID uuid(JsonNode payload, String field) {
        String value = nullable(payload, field);
        return value == null ? null : UUID.fromString(value);
    }

    private static String text(FeedEvent event, String field) {
        String value = nullable(event.payload(), field);
        return value == null ? "-" : value;
    }

    private static String nullable(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
