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

/**
 * Double-random draws in every state: last quarter's county draw of key dischargers in 兴隆台区 with its results
 * published (so anyone can verify it), this quarter's drawn but still confidential with its inspectors drawn, and
 * next quarter's plan announced; the inspector pool with inspector1..3 and others who do not sign in.
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
        int enrolled = enrolInspectors(today);
        post("/api/enforcement/draws/" + confidential + "/tasks", null, 201);
        System.out.printf("Demo draws: %d key dischargers of %s in the pool; one draw published, one drawn with its"
                + " inspectors (%d in the pool), one announced%n", keyUnits, DISTRICT, enrolled);
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

    /** inspector1..3 sign in; the others are drawn too but record on paper. */
    private int enrolInspectors(LocalDate today) {
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
        }
        return inspectors.size();
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
        HttpResponse<String> response = http.send("POST", config.gatewayUrl() + path, token(), body);
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
