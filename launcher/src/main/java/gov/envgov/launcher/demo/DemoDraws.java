package gov.envgov.launcher.demo;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.PlatformConfig;

/**
 * Double-random draws in every state: last quarter's county draw of key dischargers in 兴隆台区 with its results
 * published (so anyone can verify it), this quarter's drawn but still confidential, and next quarter's plan announced.
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
        System.out.printf("Demo draws: %d key dischargers of %s in the pool; one draw published, one drawn, one"
                + " announced%n", keyUnits, DISTRICT);
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
