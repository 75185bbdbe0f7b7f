package gov.envgov.launcher.demo;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.PlatformConfig;
import tools.jackson.databind.JsonNode;

/**
 * Enforcement cases from the demo's own clues: one from a substantiated complaint decided with the discretion table
 * (computed beside decided) and being executed, one from a monitoring episode under investigation, one clue not
 * filed, and a decision published and then withdrawn.
 */
final class DemoCases {

    private final Http http;
    private final PlatformConfig config;
    private final Map<String, String> tokens = new HashMap<>();

    DemoCases(Http http, PlatformConfig config) {
        this.http = http;
        this.config = config;
    }

    void load() {
        JsonNode complaint = awaitClue("COMPLAINT");
        JsonNode exceedance = awaitClue("MONITORING_EXCEEDANCE");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        String executing = file(complaint, "OVER_LIMIT_DISCHARGE", "大气污染防治法 第九十九条第二项", today);
        advanceToNotice(executing, 50000);
        post("inspector1", executing, "decision", Map.of("outcome", "PENALTY", "fine", 40000,
                "reason", "超标排放，现场已停产整改，从轻处罚", "discretion", Map.of("options", Map.of(
                        "EXCEEDANCE", "BELOW_0_5", "AREA", "GENERAL", "ATTITUDE", "CORRECTED"), "mitigation", true,
                        "deviationReason", "当事人已全额赔偿周边养殖户损失")));
        post("inspector1", executing, "service", null);
        post("inspector1", executing, "execution", null);
        // The discharge goes on after the decision: a daily continuous penalty (按日连续处罚) starts with the order to
        // correct, served with the decision today; the covert re-inspection is due within 30 days.
        call("inspector1", "/api/enforcement/cases/" + executing + "/measures/daily-penalty",
                Map.of("orderServedOn", today.toString()), 201);

        String investigating = file(exceedance, "OVER_LIMIT_DISCHARGE", "大气污染防治法 第九十九条第二项", today);
        post("inspector1", investigating, "investigation", null);

        String unfounded = enterClue("群众来电反映夜间异味，现场核查未见异常", DemoData.ENTERPRISE_B);
        call("inspector1", "/api/enforcement/clues/" + unfounded + "/no-case", Map.of("reason",
                "现场核查未发现违法行为"), 201);

        String withdrawn = fileClue(enterClue("雨水排口排放黑色污水", DemoData.ENTERPRISE_C), "HIDDEN_PIPE",
                "水污染防治法 第八十三条第三项", today);
        advanceToNotice(withdrawn, 150000);
        post("inspector1", withdrawn, "decision", Map.of("outcome", "PENALTY", "fine", 150000,
                "reason", "通过雨水管网排放生产废水"));
        post("inspector1", withdrawn, "decision/withdrawal", Map.of("reason", "行政复议决定撤销，责令重新作出"));
        System.out.println("Demo cases: one being executed (computed 50,000, decided 40,000) with a daily continuous"
                + " penalty, one under investigation, one clue not filed, one decision published and withdrawn");
    }

    private void advanceToNotice(String caseId, int proposedFine) {
        post("inspector1", caseId, "investigation", null);
        post("inspector1", caseId, "review", null);
        post("inspector3", caseId, "notice", Map.of("proposedFine", proposedFine));
    }

    /** Clues arrive through the feeds after the demo's complaints and readings; waits for the first of a source. */
    private JsonNode awaitClue(String source) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.get(config.gatewayUrl() + "/api/enforcement/clues?size=200",
                    token("inspector1"));
            if (response.statusCode() == 200) {
                for (JsonNode clue : Http.parse(response).get("items")) {
                    if (clue.get("source").asString().equals(source) && clue.has("enterpriseCode")) {
                        return clue;
                    }
                }
            }
            Http.pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("demo data: no " + source + " clue reached enforcement-service in time");
    }

    private String file(JsonNode clue, String violation, String basis, LocalDate today) {
        return fileClue(clue.get("id").asString(), violation, basis, today);
    }

    private String fileClue(String clueId, String violation, String basis, LocalDate today) {
        return Http.parse(call("inspector1", "/api/enforcement/clues/" + clueId + "/case", Map.of(
                "party", "ORGANISATION", "violation", violation, "legalBasis", basis,
                "violationEndedOn", today.minusDays(3).toString(),
                "investigators", List.of("inspector1", "inspector2")), 201)).get("id").asString();
    }

    private String enterClue(String summary, String enterprise) {
        return Http.parse(call("inspector1", "/api/enforcement/clues", Map.of("enterpriseCode", enterprise,
                "summary", summary), 201)).get("id").asString();
    }

    private void post(String user, String caseId, String step, Object body) {
        call(user, "/api/enforcement/cases/" + caseId + "/" + step, body, 200);
    }

    private HttpResponse<String> call(String user, String path, Object body, int expected) {
        HttpResponse<String> response = http.send("POST", config.gatewayUrl() + path, token(user), body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("demo data: POST " + path + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, name -> http.passwordToken(config.keycloakUrl(), name,
                DemoAccounts.PASSWORD));
    }
}
