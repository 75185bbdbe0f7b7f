package gov.envgov.enforcement.clue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.events.EventHandler;
import gov.envgov.support.events.FeedEvent;
import gov.envgov.support.events.FeedSubscription;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clues from other services' feeds (the closed loop): permit-service's exceedances, overdue reports, quantities over
 * the permit, expired permits and readings from units without a valid permit (ENF-CLUE-NO-PERMIT), and
 * complaint-service's substantiated complaints. Each event applies in the
 * transaction that moves the cursor, so a clue is made exactly once per event.
 */
@Configuration(proxyBeanMethods = false)
class ClueFeeds {

    static final String SYSTEM = "system:feed";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @Bean
    FeedSubscription permitClueSubscription(ClueService clues, JsonMapper json) {
        return new FeedSubscription("enforcement-clues", "permit-service", Map.of(
                "MonitoringExceedance", lead(clues, json, ClueSource.MONITORING_EXCEEDANCE, payload ->
                        "在线监测超标：排口 " + text(payload, "outlet") + " " + text(payload, "pollutant") + " "
                                + text(payload, "concentration") + "（许可 " + text(payload, "permitted") + "）"),
                "ExecutionReportOverdue", lead(clues, json, ClueSource.REPORT_OVERDUE, payload ->
                        "执行报告逾期未报：" + text(payload, "frequency") + " 报告期自 " + text(payload, "periodStart")
                                + "，应于 " + text(payload, "dueOn") + " 前提交"),
                "PermitQuantityExceeded", lead(clues, json, ClueSource.QUANTITY_EXCEEDED, payload ->
                        text(payload, "year") + " 年排放量超许可：排口 " + text(payload, "outlet") + " "
                                + text(payload, "pollutant") + " " + text(payload, "reportedTonnes") + " 吨（许可 "
                                + text(payload, "permittedTonnes") + " 吨）"),
                "PermitExpired", lead(clues, json, ClueSource.PERMIT_EXPIRED, payload ->
                        "排污许可证 " + text(payload, "number") + " 已于 " + text(payload, "validTo")
                                + " 到期：核查是否无证排污"),
                "DischargeWithoutPermit", lead(clues, json, ClueSource.DISCHARGE_WITHOUT_PERMIT, payload ->
                        "无证排污：排口 " + text(payload, "outlet") + " 自 " + text(payload, "startedAt")
                                + " 起有监测数据，但无有效排污许可证（" + text(payload, "detectedOn") + " 发现）")));
    }

    @Bean
    FeedSubscription complaintClueSubscription(ClueService clues, JsonMapper json) {
        return new FeedSubscription("enforcement-complaint-clues", "complaint-service", Map.of(
                "ComplaintSubstantiated", lead(clues, json, ClueSource.COMPLAINT, payload ->
                        "12345 投诉经查属实：" + text(payload, "findings"))));
    }

    private static EventHandler lead(ClueService clues, JsonMapper json, ClueSource source,
                                     Function<JsonNode, String> summary) {
        return (FeedEvent event) -> {
            JsonNode payload = event.payload();
            Map<String, Object> details = new HashMap<>(json.convertValue(payload, MAP));
            details.put("producerEventType", event.type());
            return clues.receive(new ClueService.Lead(source, event.eventId(), nullable(payload, "enterpriseCode"),
                    nullable(payload, "district"), summary.apply(payload), details), SYSTEM).then();
        };
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? "-" : value.asString();
    }

    private static String nullable(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
