package gov.envgov.credit.facility;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.events.EventHandler;
import gov.envgov.support.events.FeedEvent;
import gov.envgov.support.events.FeedSubscription;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The facility history's three feeds, each with a cursor of its own (so the history can be rebuilt, or start late,
 * without touching the credit records'). Each handler turns one event into the public fact it stands for.
 */
@Configuration(proxyBeanMethods = false)
class FacilityFeeds {

    static final String PERMIT_FEED = "credit-facility-permit";
    static final String COMPLAINT_FEED = "credit-facility-complaint";
    static final String ENFORCEMENT_FEED = "credit-facility-enforcement";

    @Bean
    FeedSubscription facilityPermitSubscription(FacilityService facilities, ZoneId bureauZone) {
        Reader reader = new Reader("permit-service", bureauZone, facilities);
        Map<String, EventHandler> handlers = new HashMap<>();
        handlers.put("PermitIssued", reader.fact(FacilityCategory.PERMIT, Severity.NONE, "permitId", "validFrom",
                event -> "核发排污许可证 " + text(event, "number") + "（" + text(event, "permitClass") + "，"
                        + text(event, "kind") + "，有效期 " + text(event, "validFrom") + " 至 "
                        + text(event, "validTo") + "）"));
        handlers.put("PermitChanged", reader.fact(FacilityCategory.PERMIT, Severity.NONE, "permitId", null,
                event -> "排污许可证 " + text(event, "number") + " 变更（第 " + text(event, "version") + " 版）"));
        handlers.put("PermitEnded", reader.fact(FacilityCategory.PERMIT, Severity.NONE, "permitId", null,
                event -> "排污许可证 " + text(event, "number") + " " + ended(text(event, "status")) + "："
                        + text(event, "reason") + "（" + text(event, "legalBasis") + "）"));
        handlers.put("PermitExpired", reader.fact(FacilityCategory.PERMIT, Severity.NONE, "permitId", "validTo",
                event -> "排污许可证 " + text(event, "number") + " 到期"));
        handlers.put("PermitSuperseded", reader.fact(FacilityCategory.PERMIT, Severity.NONE, "permitId", null,
                event -> "排污许可证 " + text(event, "number") + " 由新证替代"));
        handlers.put("ExecutionReportFiled", reader.fact(FacilityCategory.REPORT, Severity.NONE, "permitId", null,
                event -> frequency(text(event, "frequency")) + "执行报告已提交（报告期自 " + text(event, "periodStart")
                        + (event.payload().path("late").asBoolean(false) ? "，逾期提交" : "") + "）"));
        handlers.put("ExecutionReportOverdue", reader.fact(FacilityCategory.REPORT, Severity.VIOLATION, "permitId",
                "dueOn", event -> frequency(text(event, "frequency")) + "执行报告逾期未报（报告期自 "
                        + text(event, "periodStart") + "，应于 " + text(event, "dueOn") + " 前提交）"));
        handlers.put("PermitQuantityExceeded", reader.fact(FacilityCategory.REPORT, Severity.SIGNIFICANT, "permitId",
                null, event -> text(event, "year") + " 年 " + text(event, "outlet") + " " + text(event, "pollutant")
                        + " 排放量 " + text(event, "reportedTonnes") + " 吨，超过许可 " + text(event, "permittedTonnes")
                        + " 吨"));
        handlers.put("MonitoringExceedance", reader.fact(FacilityCategory.MONITORING, Severity.VIOLATION, "episodeId",
                "startedAt", event -> "在线监测超标：排口 " + text(event, "outlet") + " " + text(event, "pollutant")
                        + " " + text(event, "concentration") + "（许可 " + text(event, "permitted") + "）"));
        handlers.put("DischargeWithoutPermit", reader.fact(FacilityCategory.MONITORING, Severity.SIGNIFICANT,
                "episodeId", "detectedOn", event -> "无有效排污许可证排放污染物"
                        + (event.payload().hasNonNull("outlet") ? "：排口 " + text(event, "outlet") : "")));
        return new FeedSubscription(PERMIT_FEED, "permit-service", handlers);
    }

    @Bean
    FeedSubscription facilityComplaintSubscription(FacilityService facilities, ZoneId bureauZone) {
        Reader reader = new Reader("complaint-service", bureauZone, facilities);
        // The findings and everything about the complainant stay in complaint-service: the category is public.
        return new FeedSubscription(COMPLAINT_FEED, "complaint-service", Map.of("ComplaintSubstantiated",
                reader.fact(FacilityCategory.COMPLAINT, Severity.VIOLATION, null, "at",
                        event -> "12345 投诉经查属实（" + text(event, "category") + "）")));
    }

    @Bean
    FeedSubscription facilityEnforcementSubscription(FacilityService facilities, ZoneId bureauZone) {
        Reader reader = new Reader("enforcement-service", bureauZone, facilities);
        Map<String, EventHandler> handlers = new HashMap<>();
        handlers.put("InspectionCompleted", event -> {
            int failed = event.payload().path("failedItems").isArray() ? event.payload().path("failedItems").size()
                    : 0;
            return reader.fact(FacilityCategory.INSPECTION, failed > 0 ? Severity.VIOLATION : Severity.NONE, "taskId",
                    "completedOn", ignored -> "双随机检查（" + text(event, "mode") + "）：" + text(event, "result")
                            + (failed > 0 ? "，不合格项 " + failed + " 项" : "")).apply(event);
        });
        handlers.put("CaseFiled", reader.fact(FacilityCategory.CASE, Severity.VIOLATION, "caseId", "filedOn",
                event -> "立案：" + text(event, "violation")));
        handlers.put("PenaltyDecided", event -> {
            boolean penalty = "PENALTY".equals(text(event, "outcome"));
            return reader.fact(FacilityCategory.PENALTY, penalty ? Severity.SIGNIFICANT : Severity.NONE, "caseId",
                    "decidedOn", ignored -> (penalty ? "行政处罚决定：罚款 " + text(event, "amount") + " 元，"
                            : "处理决定（" + text(event, "outcome") + "），") + text(event, "violation") + "（"
                            + text(event, "legalBasis") + "）").apply(event);
        });
        handlers.put("PenaltyPaid", reader.fact(FacilityCategory.PENALTY, Severity.NONE, "caseId", "paidOn",
                event -> "罚款已缴纳 " + text(event, "fine") + " 元"));
        handlers.put("DecisionWithdrawn", event -> reader.fact(FacilityCategory.PENALTY, Severity.NONE, "caseId",
                        "withdrawnOn", ignored -> "处罚决定已撤销：" + text(event, "reason")).apply(event)
                .then(facilities.withdraw(text(event, "caseId"), reader.day(event, "withdrawnOn"))));
        handlers.put("CaseClosed", reader.fact(FacilityCategory.CASE, Severity.NONE, "caseId", "closedOn",
                event -> "结案"));
        return new FeedSubscription(ENFORCEMENT_FEED, "enforcement-service", handlers);
    }

    /** Reads one producer's events into facts. */
    private record Reader(String producer, ZoneId zone, FacilityService facilities) {

        EventHandler fact(FacilityCategory category, Severity severity, @Nullable String refField,
                          @Nullable String dayField, Function<FeedEvent, String> summary) {
            return event -> {
                String subject = nullable(event.payload(), "enterpriseCode");
                if (subject == null) {
                    return Mono.empty();
                }
                String ref = refField == null ? null : nullable(event.payload(), refField);
                return facilities.receive(new FacilityFact(event.eventId(), producer, subject, category,
                        event.type(), ref, day(event, dayField), severity, summary.apply(event), null)).then();
            };
        }

        /** A date field (a day or an instant) of the payload, else the day the event occurred. */
        LocalDate day(FeedEvent event, @Nullable String field) {
            String value = field == null ? null : nullable(event.payload(), field);
            if (value == null) {
                return LocalDate.ofInstant(event.occurredAt(), zone);
            }
            return value.length() == 10 ? LocalDate.parse(value) : LocalDate.ofInstant(Instant.parse(value), zone);
        }
    }

    private static String ended(String status) {
        return switch (status) {
            case "REVOKED" -> "撤销";
            case "WITHDRAWN" -> "吊销";
            case "CANCELLED" -> "注销";
            default -> status;
        };
    }

    private static String frequency(String frequency) {
        return switch (frequency) {
            case "ANNUAL" -> "年度";
            case "SEMI_ANNUAL" -> "半年";
            case "QUARTERLY" -> "季度";
            case "MONTHLY" -> "月度";
            default -> frequency + " ";
        };
    }

    private static String text(FeedEvent event, String field) {
        String value = nullable(event.payload(), field);
        return value == null ? "-" : value;
    }

    private static @Nullable String nullable(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
