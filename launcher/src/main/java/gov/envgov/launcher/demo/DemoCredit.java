package gov.envgov.launcher.demo;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.PlatformConfig;
import tools.jackson.databind.JsonNode;

/**
 * Credit, through the gateway as the bureau's credit officer and the enterprises would: last year's behaviours
 * entered with their evidence, last year evaluated (a preliminary result, published for objections), ent-a's
 * objection to a record, ent-b's approved credit repair (a second version of its result), and the severe-dishonesty
 * list with a monitoring agency that falsified data and ent-c, both listed after their prior notice was answered.
 * This year's loop (complaint → case → penalty → credit record) is on the feeds already and shows in ent-a's facility
 * report; it is graded when this year ends.
 */
final class DemoCredit {

    /** An environmental service agency (an automatic-monitoring operation firm), with the demo account agency-a. */
    static final String AGENCY = "91211100MA0GT00072";

    private final Http http;
    private final PlatformConfig config;
    private final Map<String, String> tokens = new HashMap<>();

    DemoCredit(Http http, PlatformConfig config) {
        this.http = http;
        this.config = config;
    }

    void load() {
        int period = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        call("credit1", "/api/credit/subjects/agencies", Map.of("code", AGENCY, "name", "盘锦示范环境监测技术服务有限公司",
                "district", "兴隆台区"), 201);
        String disputed = record(DemoData.ENTERPRISE_A, "LN-DISCLOSURE", "MINOR", null, period + "-04-15",
                "未按期公开 " + (period - 1) + " 年度环境信息依法披露报告", "披露系统截图.png");
        String repairable = record(DemoData.ENTERPRISE_B, "LN-DISCLOSURE", "GENERAL", null, period + "-03-20",
                "年度环境信息依法披露报告缺少排污许可执行情况", "现场检查笔录.pdf");
        record(DemoData.ENTERPRISE_C, null, null, "HIDDEN_PIPE", period + "-06-18",
                "通过雨水暗管排放生产废水（执法检查发现）", "现场照片.jpg");
        record(AGENCY, null, null, "DATA_FRAUD", period + "-08-12",
                "运维期间篡改在线监测设备参数，致监测数据失真", "数据审计报告.pdf");

        call("credit1", "/api/credit/evaluations", Map.of("period", period), 201);
        call("ent-a", "/api/credit/my/results/" + period + "/objections", Map.of("reasons",
                "该年度报告已于 4 月 10 日在企业环境信息依法披露系统提交，附回执", "evidence",
                List.of("披露系统提交回执 " + period + "-04-10"), "disputedRecords", List.of(disputed)), 201);

        String repair = Http.parse(call("ent-b", "/api/credit/my/repairs", Map.of("period", period, "records",
                List.of(repairable), "statement", "已补充披露排污许可执行情况并建立信息披露复核制度", "evidence",
                List.of("补充披露报告", "内部复核制度文件")), 201)).get("id").asString();
        call("credit1", "/api/credit/repairs/" + repair + "/review", Map.of("approve", true,
                "rectificationVerified", true, "decision", "经核实已完成整改，同意修复"), 200);

        list(AGENCY, "agency-a", "《生态环境监测机构监督管理办法》第二十一条；国办发〔2020〕49号",
                "在运维期间篡改在线监测设备参数，致多家企业监测数据失真", "对认定事实无异议，已开除涉事运维人员");
        list(DemoData.ENTERPRISE_C, "ent-c", "水污染防治法 第八十三条第三项；国办发〔2020〕49号",
                "通过雨水暗管排放生产废水，逃避监管", "已封堵暗管并完成雨污分流改造");
        System.out.println("Demo credit: " + period + " evaluated (preliminary, open for objections) with ent-a's"
                + " objection and ent-b's repaired result; the severe-dishonesty list holds a monitoring agency and"
                + " ent-c");
    }

    private String record(String subject, String rule, String severity, String veto, String occurredOn,
                          String summary, String evidence) {
        Map<String, Object> body = new HashMap<>();
        body.put("subjectCode", subject);
        if (rule != null) {
            body.put("rule", rule);
            body.put("severity", severity);
        }
        if (veto != null) {
            body.put("vetoCode", veto);
        }
        body.put("occurredOn", occurredOn);
        body.put("summary", summary);
        body.put("evidence", List.of(Map.of("name", evidence, "sha256", sha256(summary))));
        return Http.parse(call("credit1", "/api/credit/records", body, 201)).get("id").asString();
    }

    /** Prior notice, the subject's answer, then the listing. */
    private void list(String subject, String account, String basis, String facts, String answer) {
        String entry = Http.parse(call("credit1", "/api/credit/blacklist", Map.of("subjectCode", subject,
                "severity", "SERIOUS", "legalBasis", basis, "facts", facts), 201)).get("id").asString();
        call(account, "/api/credit/my/blacklist/" + entry + "/response", Map.of("response", answer), 200);
        call("credit1", "/api/credit/blacklist/" + entry + "/listing", null, 200);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
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
