package gov.envgov.permit.testing;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.code.UnifiedSocialCreditCode;
import gov.envgov.support.testing.TestTokens;

/** Calls and fixtures the permit-service tests share: tokens, enterprises, a permit's content, the HTTP verbs. */
public final class PermitApi {

    public static final String ENT_A = "91211103MA0GA0001Y";
    public static final String ENT_B = "91211104MA0GB00028";
    public static final String ENT_C = UnifiedSocialCreditCode.complete("91211122MA0GC0003");

    public static final String ADMIN = TestTokens.of("admin1", "admin");
    public static final String REVIEWER = TestTokens.of("reviewer1", "permit_reviewer");
    public static final String INSPECTOR = TestTokens.of("inspector1", "inspector");
    public static final String CITIZEN = TestTokens.of("citizen1", "citizen");
    public static final String OWNER_A = TestTokens.enterprise("ent-a", ENT_A);
    public static final String OWNER_B = TestTokens.enterprise("ent-b", ENT_B);
    public static final String OWNER_C = TestTokens.enterprise("ent-c", ENT_C);
    public static final String MONITORING_SYSTEM = TestTokens.of("service-account-monitoring-system",
            "monitoring_sender");
    public static final String OTHER_SERVICE = TestTokens.of("service-account-credit-service", "service");

    private final WebTestClient web;

    public PermitApi(WebTestClient web) {
        this.web = web;
    }

    public static Map<String, Object> unit(String code, String name, String district, String managementClass) {
        return Map.of("code", code, "name", name, "district", district, "industryCode", "C2511",
                "managementClass", managementClass, "address", "示范路1号",
                "location", Map.of("longitude", 122.05, "latitude", 41.1));
    }

    /** A permit's content: a waste gas outlet with SO2 and NOx, a waste water outlet with COD. */
    public static Map<String, Object> content(double so2Limit, double so2Tonnes) {
        return Map.of(
                "eiaApproval", "盘环审〔2024〕12号",
                "outlets", List.of(
                        Map.of("code", "DA001", "name", "锅炉烟囱", "location",
                                Map.of("longitude", 122.051, "latitude", 41.101), "dischargeMode", "有组织",
                                "destination", "大气", "pollutants", List.of(
                                        pollutant("二氧化硫", so2Limit, "mg/m3", "GB 13271-2014", so2Tonnes),
                                        pollutant("氮氧化物", 150, "mg/m3", "GB 13271-2014", 20.0))),
                        Map.of("code", "DW001", "name", "总排口", "location",
                                Map.of("longitude", 122.052, "latitude", 41.102), "dischargeMode", "间接排放",
                                "destination", "盘锦市第一污水处理厂", "pollutants", List.of(
                                        pollutant("化学需氧量", 500, "mg/L", "GB 8978-1996", 30.0)))),
                "selfMonitoring", List.of(Map.of("outlet", "DA001", "pollutant", "二氧化硫", "method", "AUTOMATIC",
                        "frequency", "连续")),
                "reportFrequencies", List.of("ANNUAL"));
    }

    private static Map<String, Object> pollutant(String name, double limit, String unit, String standard,
                                                 double tonnes) {
        return Map.of("pollutant", name, "concentration", Map.of("value", limit, "unit", unit, "standard", standard),
                "annualTonnes", tonnes);
    }

    public WebTestClient.ResponseSpec post(String token, String path, Object body) {
        var request = web.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public WebTestClient.ResponseSpec put(String token, String path, Object body) {
        return web.put().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public WebTestClient.ResponseSpec get(String token, String path) {
        var request = web.get().uri(path);
        return (token == null ? request : request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).exchange();
    }

    /** Registers the three test enterprises (idempotent: a repeat gets 409 and is ignored). */
    public void registerEnterprises() {
        post(ADMIN, "/api/enterprises", unit(ENT_A, "盘锦辽河石化示范有限公司", "兴隆台区", "KEY"));
        post(ADMIN, "/api/enterprises", unit(ENT_B, "大洼红海滩食品有限公司", "大洼区", "SIMPLIFIED"));
        post(ADMIN, "/api/enterprises", unit(ENT_C, "盘山县鼎翔汽修厂", "盘山县", "REGISTRATION"));
    }

    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();

    /** Registers a new unit with a fresh valid credit code, so that tests sharing a database stay apart. */
    public String newUnit(String name, String district, String managementClass) {
        int n = SEQUENCE.incrementAndGet() + (int) (System.nanoTime() % 100_000) * 1000;
        StringBuilder tail = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            tail.append(CODE_ALPHABET.charAt(n % CODE_ALPHABET.length()));
            n /= CODE_ALPHABET.length();
        }
        String code = UnifiedSocialCreditCode.complete("91211103MA" + tail);
        post(ADMIN, "/api/enterprises", unit(code, name, district, managementClass)).expectStatus().isCreated();
        return code;
    }

    public static String owner(String code) {
        return TestTokens.enterprise("owner-" + code, code);
    }

    /** Applies, submits, accepts and issues a permit for the owner's enterprise; returns the permit id. */
    @SuppressWarnings("unchecked")
    public String issuedPermit(String owner, String code, Map<String, Object> content) {
        Map<String, Object> draft = post(owner, "/api/permits", Map.of("enterpriseCode", code, "content", content,
                "legalRepresentative", "李明", "address", "示范路1号"))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String id = (String) draft.get("id");
        post(owner, "/api/permits/" + id + "/submit", null).expectStatus().isOk();
        post(REVIEWER, "/api/permits/" + id + "/accept", null).expectStatus().isOk();
        post(REVIEWER, "/api/permits/" + id + "/issue", Map.of("note", "材料齐全")).expectStatus().isOk();
        return id;
    }
}
