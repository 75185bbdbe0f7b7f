package gov.envgov.launcher.demo;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Double-random draws in every state: last quarter's county draw of key dischargers in 兴隆台区 with its results
 * published (so anyone can verify it) and one of its inspections completed (every item checked, a failed one raising
 * a clue), this quarter's drawn but still confidential with its inspectors drawn, and next quarter's plan announced;
 * the inspector pool with inspector1..3 and others who do not sign in.
 */
final class DemoDraws {

    private static final String DISTRICT = "兴隆台区";

    private final Http http;
    private final PlatformConfig config;
    private String token;

    DemoDraws(Http http, PlatformConfig config) {
        this.http = http;
        this.config = config;
    }

    void load(List<Map<String, Object>> enterprises) {
        long keyUnits = enterprises.stream().filter(unit -> DISTRICT.equals(unit.get("district"))
                && "KEY".equals(unit.get("managementClass"))).count();
        awaitPool(keyUnits);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String published = announce(quarter(today.minusMonths(3)));
        post("/api/enforcement/draws/" + published + "/draw");
        post("/api/enforcement/draws/" + published + "/publication");
        String confidential = announce(quarter(today));
        post("/api/enforcement/draws/" + confidential + "/draw");
        announce(quarter(today.plusMonths(3)));
        Map<String, String> logins = enrolInspectors(today);
        post("/api/enforcement/draws/" + confidential + "/tasks", null, 201);
        JsonNode tasks = Http.parse(post("/api/enforcement/draws/" + published + "/tasks", null, 201));
        String inspected = inspectOne(tasks, logins);
        System.out.printf("Demo draws: %d key dischargers of %s in the pool; one draw published (%s), one drawn"
                + " with its inspectors (%d of the pool sign in), one announced%n", keyUnits, DISTRICT,
                inspected == null ? "no task of it went to an inspector who signs in, so none inspected"
                        : "the inspection of " + inspected + " completed with a failed item and its clue",
                logins.size());
    }

    /**
     * One task of the published draw inspected by an inspector on it who signs in: every checklist item checked,
     * the self-monitoring ledger failed with its finding, the clue raised from it, the inspection completed (its
     * result public). The demo's own enterprises A–D keep the records their journeys expect, so none of them is
     * chosen. Returns the unit inspected, or null when no task has such an inspector.
     */
    private String inspectOne(JsonNode tasks, Map<String, String> logins) {
        List<String> kept = List.of(DemoData.ENTERPRISE_A, DemoData.ENTERPRISE_B, DemoData.ENTERPRISE_C,
                DemoData.ENTERPRISE_D);
        for (JsonNode task : tasks) {
            if (kept.contains(task.get("enterpriseCode").asString())) {
                continue;
            }
            for (JsonNode inspector : task.get("inspectors")) {
                String username = logins.get(inspector.asString());
                if (username != null) {
                    inspect(task.get("id").asString(), username);
                    return task.get("enterpriseCode").asString();
                }
            }
        }
        return null;
    }

    private void inspect(String taskId, String username) {
        String inspector = http.passwordToken(config.keycloakUrl(), username, DemoAccounts.PASSWORD);
        String base = "/api/enforcement/tasks/" + taskId + "/inspection";
        JsonNode started = Http.parse(post(inspector, base, Map.of(), 201));
        List<String> items = new java.util.ArrayList<>();
        started.get("checklist").forEach(item -> items.add(item.get("itemId").asString()));
        String failed = items.contains("JC-SELF-MONITORING") ? "JC-SELF-MONITORING" : items.get(0);
        for (String item : items) {
            Map<String, Object> check = item.equals(failed)
                    ? Map.of("outcome", "FAILED", "finding", "环境管理台账缺少近三个月的废气治理设施运行记录",
                            "note", "现场负责人称记录员离职，未及时补记")
                    : Map.of("outcome", "PASSED");
            post(inspector, base + "/items/" + item, check, 200);
        }
        post(inspector, base + "/items/" + failed + "/clue", null, 201);
        post(inspector, base + "/completion", null, 200);
    }

    /** The pool fills from permit-service's feed; the draws wait until it holds every key unit of the district. */
    private void awaitPool(long expected) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        String url = config.gatewayUrl() + "/api/enforcement/pool?district="
                + URLEncoder.encode(DISTRICT, StandardCharsets.UTF_8) + "&managementClass=KEY&size=1";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.get(url, token());
            if (response.statusCode() == 200 && Http.parse(response).get("total").asLong() >= expected) {
                return;
            }
            Http.pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("demo data: the inspection pool did not receive the " + expected
                + " key dischargers of " + DISTRICT + " in time");
    }

    /** inspector1..3 sign in; the others are drawn too but record on paper. Returns the ids of those who sign in. */
    private Map<String, String> enrolInspectors(LocalDate today) {
        String validUntil = today.plusYears(3).toString();
        List<String[]> inspectors = List.of(
                new String[] {"inspector1", "王立新", "LNPJ210001", DISTRICT},
                new String[] {"inspector2", "李海燕", "LNPJ210002", DISTRICT},
                new String[] {"inspector3", "张建国", "LNPJ210003", "大洼区"},
                new String[] {null, "刘晓东", "LNPJ210004", DISTRICT},
                new String[] {null, "陈静", "LNPJ210005", DISTRICT},
                new String[] {null, "赵明", "LNPJ210006", DISTRICT},
                new String[] {null, "孙丽", "LNPJ210007", "大洼区"},
                new String[] {null, "周强", "LNPJ210008", "双台子区"});
        String admin = http.passwordToken(config.keycloakUrl(), "admin1", DemoAccounts.PASSWORD);
        Map<String, String> logins = new HashMap<>();
        for (String[] inspector : inspectors) {
            Map<String, Object> body = new HashMap<>(Map.of("name", inspector[1],
                    "credentialNumber", inspector[2], "validUntil", validUntil, "district", inspector[3],
                    "department", "生态环境保护综合行政执法队"));
            if (inspector[0] != null) {
                body.put("username", inspector[0]);
            }
            HttpResponse<String> response = http.send("POST", config.gatewayUrl() + "/api/enforcement/inspectors",
                    admin, body);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("demo data: enrolling " + inspector[1] + " answered "
                        + response.statusCode() + " " + response.body());
            }
            if (inspector[0] != null) {
                logins.put(Http.parse(response).get("id").asString(), inspector[0]);
            }
        }
        return logins;
    }

    private String announce(String period) {
        return Http.parse(post("/api/enforcement/draws", Map.of("period", period, "level", "COUNTY",
                "district", DISTRICT, "managementClass", "KEY"), 201)).get("id").asString();
    }

    private static String quarter(LocalDate day) {
        return day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    private HttpResponse<String> post(String path) {
        return post(path, null, 200);
    }

    private HttpResponse<String> post(String path, Object body, int expected) {
        return post(token(), path, body, expected);
    }

    private HttpResponse<String> post(String bearer, String path, Object body, int expected) {
        HttpResponse<String> response = http.send("POST", config.gatewayUrl() + path, bearer, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("demo data: POST " + path + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }

    private String token() {
        if (token == null) {
            token = http.passwordToken(config.keycloakUrl(), "inspector1", DemoAccounts.PASSWORD);
        }
        return token;
    }
}
