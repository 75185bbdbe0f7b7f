package gov.envgov.launcher.demo;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.PlatformConfig;

/**
 * Demo permits: every permit holder's permit moved in as issued elsewhere (a few of them expired, revoked, withdrawn
 * or cancelled), the demo enterprises' own applications in every review state, execution reports filed late and
 * overdue, and a week of online-monitoring readings with flagged (calibration) data, exceedances of hourly and
 * daily means, a data anomaly, and readings from a unit whose permit expired (discharge without a permit). All
 * through the gateway with the demo users' and the monitoring system's own tokens.
 */
final class DemoPermits {

    private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");
    private static final int MONITORED_UNITS = 15;

    private final Http http;
    private final PlatformConfig config;
    private final Map<String, String> tokens = new HashMap<>();
    private final LocalDate today = LocalDate.now(BUREAU);

    DemoPermits(Http http, PlatformConfig config) {
        this.http = http;
        this.config = config;
    }

    void load(List<Map<String, Object>> enterprises) {
        Random random = new Random(466);
        List<String> holders = new ArrayList<>();
        List<String> monitored = new ArrayList<>();
        List<Map<String, Object>> imports = new ArrayList<>();
        for (Map<String, Object> unit : enterprises) {
            String managementClass = (String) unit.get("managementClass");
            String code = (String) unit.get("code");
            if (!movesInAPermit(unit)) {
                continue;
            }
            LocalDate validFrom = switch (code) {
                case DemoData.ENTERPRISE_A -> today.minusYears(4).minusDays(200);
                // Ending in 79 and 69 days: the last day to apply for renewal (60 days before the end) is 19 and 9
                // days away, so renewal reminders are due and a renewal is still in time.
                case DemoData.ENTERPRISE_B -> today.minusYears(5).plusDays(80);
                case DemoData.ENTERPRISE_C -> today.minusYears(5).plusDays(70);
                default -> holders.size() < 3 ? today.minusYears(5).minusDays(10 + holders.size())
                        : today.minusDays(random.nextInt(5 * 365 - 1));
            };
            if (!code.equals(DemoData.ENTERPRISE_A) && !code.equals(DemoData.ENTERPRISE_B)
                    && !code.equals(DemoData.ENTERPRISE_C)) {
                // Monitored: key holders whose permit covers the whole week, none of those ended above.
                if (holders.size() >= 6 && managementClass.equals("KEY") && monitored.size() < MONITORED_UNITS
                        && validFrom.isBefore(today.minusDays(8))) {
                    monitored.add(code);
                }
                holders.add(code);
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("enterpriseCode", code);
            item.put("content", content(managementClass.equals("KEY"), false));
            item.put("validFrom", validFrom.toString());
            item.put("legalRepresentative", "法定代表人" + code.substring(14, 17));
            if (code.equals(DemoData.ENTERPRISE_A)) {
                // Owes the reports due over the last year: some filed below, the rest overdue.
                item.put("reportsFrom", today.minusYears(1).toString());
            }
            imports.add(item);
        }
        for (int from = 0; from < imports.size(); from += 500) {
            call("admin1", "POST", "/api/permits/import",
                    Map.of("permits", imports.subList(from, Math.min(imports.size(), from + 500))), 200);
        }
        // Holders 0-2 began more than five years ago: the permit clock expires them. 3-5 end early.
        end(holders.get(3), "REVOKED", "以欺骗手段取得许可", "permit-regulation-40");
        end(holders.get(4), "WITHDRAWN", "超标排放被责令停产整治后拒不整改", "permit-regulation-penalty");
        end(holders.get(5), "CANCELLED", "企业依法终止", "licensing-law-70");

        String oldPermitOfA = permitOf(DemoData.ENTERPRISE_A);
        monitoring(DemoData.ENTERPRISE_A, true, false);
        for (int i = 0; i < monitored.size(); i++) {
            monitoring(monitored.get(i), i % 6 == 0, i == 1);
        }
        reportsOf("ent-a", oldPermitOfA);
        // Holder 0's permit expired eleven days ago, yet its stack still sends data: kept as evidence of discharge
        // without a permit, one DischargeWithoutPermit event for the outlet's episode.
        withoutPermit(holders.get(0));

        // ent-a: a new application adding an outlet, through supplement and site check to issue; it supersedes
        // the imported permit. Then one more application, sent back for a supplement.
        String newOfA = apply("ent-a", DemoData.ENTERPRISE_A, content(true, true));
        call("ent-a", "POST", "/api/permits/" + newOfA + "/submit", null, 200);
        call("reviewer1", "POST", "/api/permits/" + newOfA + "/supplement-request",
                Map.of("request", "请补充新增排放口DA002的监测方案"), 200);
        long version = Http.parse(call("ent-a", "GET", "/api/permits/" + newOfA, null, 200)).get("version").asLong();
        call("ent-a", "PUT", "/api/permits/" + newOfA, Map.of("content", content(true, true), "version", version,
                "legalRepresentative", "张伟", "address", "辽宁省盘锦市兴隆台区石化路1号"), 200);
        call("ent-a", "POST", "/api/permits/" + newOfA + "/submit", null, 200);
        call("reviewer1", "POST", "/api/permits/" + newOfA + "/accept", null, 200);
        call("reviewer1", "POST", "/api/permits/" + newOfA + "/site-check", null, 200);
        call("reviewer1", "POST", "/api/permits/" + newOfA + "/issue", Map.of("note", "现场核查与申请一致"), 200);
        String supplement = apply("ent-a", DemoData.ENTERPRISE_A, content(true, true));
        call("ent-a", "POST", "/api/permits/" + supplement + "/submit", null, 200);
        call("reviewer1", "POST", "/api/permits/" + supplement + "/supplement-request",
                Map.of("request", "请补充环评批复文件"), 200);

        // ent-b: a new application at the site check; its renewal accepted.
        String renewalOfB = renew("ent-b", permitOf(DemoData.ENTERPRISE_B));
        call("reviewer1", "POST", "/api/permits/" + renewalOfB + "/accept", null, 200);
        String siteCheck = apply("ent-b", DemoData.ENTERPRISE_B, content(false, true));
        call("ent-b", "POST", "/api/permits/" + siteCheck + "/submit", null, 200);
        call("reviewer1", "POST", "/api/permits/" + siteCheck + "/accept", null, 200);
        call("reviewer1", "POST", "/api/permits/" + siteCheck + "/site-check", null, 200);

        // ent-c: an application rejected, a new draft; its renewal submitted and waiting.
        String rejected = apply("ent-c", DemoData.ENTERPRISE_C, content(true, true));
        call("ent-c", "POST", "/api/permits/" + rejected + "/submit", null, 200);
        call("reviewer1", "POST", "/api/permits/" + rejected + "/reject",
                Map.of("reason", "新增排放口未取得环评批复"), 200);
        apply("ent-c", DemoData.ENTERPRISE_C, content(true, true));
        renew("ent-c", permitOf(DemoData.ENTERPRISE_C));

        System.out.printf("Demo permits loaded: %d permits moved in, applications in every state, a week of "
                + "monitoring for %d units%n", imports.size(), monitored.size() + 1);
    }

    /**
     * Whether a unit gets a permit moved in: every permit holder does; registration-only units hold none, and ent-d's
     * unit has yet to apply for its first, with no application open, so a demo user can try applying
     * (DEMO-FREE-TO-APPLY). Nothing else of the demo data gives ent-d's unit an application.
     */
    static boolean movesInAPermit(Map<String, Object> unit) {
        return !"REGISTRATION".equals(unit.get("managementClass")) && !DemoData.ENTERPRISE_D.equals(unit.get("code"));
    }

    /** A permit's content: a boiler stack (and a second stack) plus the waste water outlet for key holders. */
    static Map<String, Object> content(boolean key, boolean secondStack) {
        List<Object> outlets = new ArrayList<>();
        outlets.add(outlet("DA001", "锅炉烟囱", "有组织", "大气", key
                ? List.of(pollutant("二氧化硫", 50, "mg/m3", "GB 13271-2014", 12.0),
                        pollutant("氮氧化物", 150, "mg/m3", "GB 13271-2014", 36.0),
                        pollutant("颗粒物", 20, "mg/m3", "GB 13271-2014", 4.8))
                : List.of(pollutant("颗粒物", 30, "mg/m3", "GB 16297-1996", 1.2))));
        if (secondStack) {
            outlets.add(outlet("DA002", "工艺废气排气筒", "有组织", "大气",
                    List.of(pollutant("挥发性有机物", 60, "mg/m3", "GB 31570-2015", 3.0))));
        }
        if (key) {
            outlets.add(outlet("DW001", "废水总排口", "间接排放", "盘锦市第一污水处理厂",
                    List.of(pollutant("化学需氧量", 500, "mg/L", "GB 8978-1996", 60.0),
                            pollutant("氨氮", 45, "mg/L", "GB/T 31962-2015", 5.4))));
        }
        return Map.of("eiaApproval", "盘环审〔2021〕" + (key ? 18 : 42) + "号", "outlets", outlets,
                "selfMonitoring", List.of(Map.of("outlet", "DA001", "pollutant", key ? "二氧化硫" : "颗粒物",
                        "method", key ? "AUTOMATIC" : "MANUAL", "frequency", key ? "连续" : "每季度一次")),
                "reportFrequencies", List.of("ANNUAL"));
    }

    private static Map<String, Object> outlet(String code, String name, String mode, String destination,
                                              List<Object> pollutants) {
        return Map.of("code", code, "name", name, "location", Map.of("longitude", 122.05, "latitude", 41.12),
                "dischargeMode", mode, "destination", destination, "pollutants", pollutants);
    }

    private static Object pollutant(String name, double limit, String unit, String standard, double tonnes) {
        return Map.of("pollutant", name, "concentration", Map.of("value", limit, "unit", unit,
                "standard", standard), "annualTonnes", tonnes);
    }

    /**
     * A week of hourly readings of a key unit's boiler stack (SO2, NOx) and waste water (COD), from the monitoring
     * system. Every day the analyser is calibrated at 03:00: those readings carry the flag C and are left out of the
     * means. An exceeding unit has a four-hour SO2 episode of hourly means three days ago, calibration spikes that
     * are no exceedance, and a day of COD whose daily mean is over the limit (a daily-mean episode). A unit with
     * {@code constant} set reports the same NOx value for the last fourteen hours: a data anomaly.
     */
    private void monitoring(String code, boolean exceeding, boolean constant) {
        Random random = new Random(code.hashCode());
        ZonedDateTime start = today.minusDays(7).atStartOfDay(BUREAU);
        ZonedDateTime end = ZonedDateTime.now(BUREAU).truncatedTo(ChronoUnit.HOURS);
        StringBuilder ndjson = new StringBuilder();
        for (ZonedDateTime at = start; at.isBefore(end); at = at.plusHours(1)) {
            boolean episodeDay = exceeding && at.toLocalDate().equals(today.minusDays(3));
            boolean episode = episodeDay && at.getHour() >= 10 && at.getHour() < 14;
            boolean calibration = at.getHour() == 3;
            double so2 = episode ? 62 + random.nextDouble() * 8 : 22 + random.nextDouble() * 18;
            if (calibration && exceeding) {
                so2 = 95;
            }
            String flag = calibration ? "C" : "N";
            reading(ndjson, code, "DA001", "二氧化硫", at, so2, 41000 + random.nextInt(4000), flag);
            double nox = constant && at.isAfter(end.minusHours(15)) ? 88.0 : 70 + random.nextDouble() * 50;
            reading(ndjson, code, "DA001", "氮氧化物", at, nox, 41000 + random.nextInt(4000), flag);
            double cod = episodeDay ? 520 + random.nextDouble() * 40 : 180 + random.nextDouble() * 150;
            reading(ndjson, code, "DW001", "化学需氧量", at, cod, 12 + random.nextInt(6), "N");
        }
        HttpResponse<String> response = http.sendRaw("POST", config.gatewayUrl() + "/api/monitoring/readings",
                monitoringToken(), "application/x-ndjson", ndjson.toString());
        if (response.statusCode() != 200 || Http.parse(response).get("rejected").size() > 0) {
            throw new IllegalStateException("demo monitoring for " + code + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Yesterday's hourly particulate readings of a unit whose permit has expired: discharge without a permit. */
    private void withoutPermit(String code) {
        StringBuilder ndjson = new StringBuilder();
        ZonedDateTime start = today.minusDays(1).atStartOfDay(BUREAU);
        for (ZonedDateTime at = start; at.isBefore(start.plusDays(1)); at = at.plusHours(1)) {
            reading(ndjson, code, "DA001", "颗粒物", at, 18 + at.getHour() % 5, 30000, "N");
        }
        HttpResponse<String> response = http.sendRaw("POST", config.gatewayUrl() + "/api/monitoring/readings",
                monitoringToken(), "application/x-ndjson", ndjson.toString());
        if (response.statusCode() != 200 || Http.parse(response).get("newDischargesWithoutPermit").asInt() != 1) {
            throw new IllegalStateException("demo discharge without a permit for " + code + ": "
                    + response.statusCode() + " " + response.body());
        }
    }

    private static void reading(StringBuilder out, String code, String outlet, String pollutant, ZonedDateTime at,
                                double concentration, int flow, String flag) {
        out.append("{\"enterprise\":\"").append(code).append("\",\"outlet\":\"").append(outlet)
                .append("\",\"pollutant\":\"").append(pollutant).append("\",\"timestamp\":\"")
                .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at)).append("\",\"concentration\":")
                .append(Math.round(concentration * 100) / 100.0).append(",\"flow\":").append(flow)
                .append(",\"flag\":\"").append(flag).append("\"}\n");
    }

    /**
     * ent-a files last year's annual report (above the permitted SO2 quantity) and the last quarter's; both periods
     * are over whatever the day, and whether they count as late depends on it.
     */
    private void reportsOf(String user, String permitId) {
        String path = "/api/permits/" + permitId + "/reports/";
        int lastYear = today.getYear() - 1;
        LocalDate lastQuarter = today.with(IsoFields.DAY_OF_QUARTER, 1).minusMonths(3);
        call(user, "PUT", path + "ANNUAL/" + lastYear + "-01-01", Map.of("emissions", List.of(
                Map.of("outlet", "DA001", "pollutant", "二氧化硫", "tonnes", 13.6),
                Map.of("outlet", "DW001", "pollutant", "化学需氧量", "tonnes", 41.2))), 200);
        call(user, "PUT", path + "QUARTERLY/" + lastQuarter, Map.of("emissions", List.of(
                Map.of("outlet", "DA001", "pollutant", "二氧化硫", "tonnes", 2.9))), 200);
    }

    private String apply(String user, String code, Map<String, Object> content) {
        return Http.parse(call(user, "POST", "/api/permits", Map.of("enterpriseCode", code, "content", content,
                "legalRepresentative", "张伟"), 201)).get("id").asString();
    }

    private String renew(String user, String permitId) {
        return Http.parse(call(user, "POST", "/api/permits/" + permitId + "/renewal", null, 201)).get("id")
                .asString();
    }

    private void end(String code, String how, String reason, String basis) {
        call("admin1", "POST", "/api/permits/" + permitOf(code) + "/end",
                Map.of("how", how, "reason", reason, "legalBasis", basis), 200);
    }

    /** The holder's issued permit. */
    private String permitOf(String code) {
        for (var permit : Http.parse(call("admin1", "GET", "/api/permits?enterprise=" + code, null, 200))
                .get("items")) {
            if (permit.get("status").asString().equals("ISSUED")) {
                return permit.get("id").asString();
            }
        }
        throw new IllegalStateException("demo data: " + code + " holds no issued permit");
    }

    private HttpResponse<String> call(String user, String method, String path, Object body, int expected) {
        String url = config.gatewayUrl() + path;
        HttpResponse<String> response = method.equals("GET") ? http.get(url, token(user))
                : http.send(method, url, token(user), body == null ? "" : body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("demo data: " + method + " " + path + " answered "
                    + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, name -> http.passwordToken(config.keycloakUrl(), name, "demo"));
    }

    private String monitoringToken() {
        return tokens.computeIfAbsent("monitoring-system", name -> http.token(config.keycloakUrl(), Map.of(
                "grant_type", "client_credentials", "client_id", "monitoring-system",
                "client_secret", "dev-only-secret-monitoring-system")));
    }
}
