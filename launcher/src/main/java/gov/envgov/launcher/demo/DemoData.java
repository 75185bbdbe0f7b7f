package gov.envgov.launcher.demo;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.PlatformConfig;
import gov.envgov.support.code.UnifiedSocialCreditCode;

/**
 * A demo data set shaped like the seed city (Panjin): about 466 permit holders (重点 and 简化), one simplified-class
 * unit yet to apply (ent-d's) and 2,922 registration-only units across its four county-level divisions and the
 * Liaodong Bay New Area, with valid, unique unified social credit codes. Generated from a fixed seed, so every start
 * produces the same set, and loaded through permit-service's own import API; the other services receive it through
 * the event feed.
 */
public final class DemoData {

    /**
     * The enterprises the demo users {@code ent-a}, {@code ent-b} and {@code ent-c} act for
     * (keycloak/envgov-realm.json).
     */
    public static final String ENTERPRISE_A = "91211103MA0GA0001Y";
    public static final String ENTERPRISE_B = "91211104MA0GB00028";
    public static final String ENTERPRISE_C = "91211102MA0GC00036";
    /**
     * The enterprise of the demo user {@code ent-d}: a simplified-class unit that holds no permit and has no
     * application, so a demo user can try applying (DEMO-FREE-TO-APPLY); the other three have one open each.
     */
    public static final String ENTERPRISE_D = "91211122MA0GD00040";

    public static final int KEY_HOLDERS = 172;
    /** Units of the simplified class: 294 permit holders and {@link #ENTERPRISE_D}, which has yet to apply. */
    public static final int SIMPLIFIED_HOLDERS = 295;
    public static final int REGISTRATIONS = 2922;


    /** District, division code, and a rough bounding box (WGS84) to place units in. */
    private static final List<Object[]> DISTRICTS = List.of(
            new Object[] {"双台子区", "211102", 121.98, 41.17, 122.10, 41.23},
            new Object[] {"兴隆台区", "211103", 121.95, 41.05, 122.15, 41.16},
            new Object[] {"大洼区", "211104", 121.90, 40.85, 122.30, 41.05},
            new Object[] {"盘山县", "211122", 121.80, 41.10, 122.30, 41.40},
            new Object[] {"辽东湾新区", "211100", 121.75, 40.70, 121.95, 40.85});

    /** GB/T 4754 industry codes typical of the city, and the words a unit's name uses for them. */
    private static final List<String[]> INDUSTRIES = List.of(
            new String[] {"C2511", "石化"}, new String[] {"C2614", "化工"}, new String[] {"C2619", "精细化工"},
            new String[] {"D4411", "热电"}, new String[] {"C3011", "水泥"}, new String[] {"C2221", "纸业"},
            new String[] {"C1351", "食品"}, new String[] {"C3311", "钢结构"}, new String[] {"B0711", "油田服务"},
            new String[] {"N7720", "环保"}, new String[] {"C2925", "塑料制品"}, new String[] {"C1713", "纺织"},
            new String[] {"E4819", "建设"}, new String[] {"O8011", "汽车维修"}, new String[] {"A0411", "水产养殖"});

    private static final String[] NAME_WORDS = {"辽河", "红海滩", "鼎翔", "华锦", "中油", "北方", "渤海", "海川",
            "兴盛", "盘锦", "金湾", "宏达", "恒远", "瑞丰", "新港", "东升", "锦程", "苇海", "鹤乡", "双台"};

    private final Http http;
    private final PlatformConfig config;

    private DemoData(Http http, PlatformConfig config) {
        this.http = http;
        this.config = config;
    }

    /**
     * Loads the set into a running platform unless its registry already holds enterprises (a later start of the same
     * data).
     */
    public static void loadIfEmpty(PlatformConfig config) {
        new DemoData(new Http(), config).load();
    }

    private void load() {
        String admin = http.passwordToken(config.keycloakUrl(), "admin1", "demo");
        HttpResponse<String> existing = http.get(config.gatewayUrl() + "/api/enterprises?size=1", admin);
        if (existing.statusCode() == 200 && Http.parse(existing).get("total").asLong() > 0) {
            return;
        }
        List<Map<String, Object>> enterprises = generate();
        for (int from = 0; from < enterprises.size(); from += 1000) {
            List<Map<String, Object>> chunk = enterprises.subList(from, Math.min(enterprises.size(), from + 1000));
            HttpResponse<String> response = http.send("POST", config.gatewayUrl() + "/api/enterprises/import", admin,
                    Map.of("enterprises", chunk));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("demo data import failed: " + response.statusCode() + " "
                        + response.body());
            }
        }
        System.out.printf("Demo data loaded: %d enterprises (%d key, %d simplified, %d registration)%n",
                enterprises.size(), KEY_HOLDERS, SIMPLIFIED_HOLDERS, REGISTRATIONS);
        new DemoComplaints(http, config).load();
        new DemoPermits(http, config).load(enterprises);
        new DemoDraws(http, config).load(enterprises);
        new DemoCases(http, config).load();
        new DemoCredit(http, config).load();
    }

    /** The whole set, deterministic: the demo users' enterprises first. */
    public static List<Map<String, Object>> generate() {
        Random random = new Random(2026);
        Set<String> codes = new LinkedHashSet<>(List.of(ENTERPRISE_A, ENTERPRISE_B, ENTERPRISE_C, ENTERPRISE_D));
        List<Map<String, Object>> result = new ArrayList<>();
        result.add(unit(ENTERPRISE_A, "盘锦辽河石化示范有限公司", DISTRICTS.get(1), "C2511", "KEY", random));
        result.add(unit(ENTERPRISE_B, "盘锦鹤乡食品示范有限公司", DISTRICTS.get(2), "C1351", "SIMPLIFIED", random));
        result.add(unit(ENTERPRISE_C, "盘锦双台子热电示范有限公司", DISTRICTS.get(0), "D4411", "KEY", random));
        // Placed from a generator of its own: every other unit stays what it was before ent-d was added.
        result.add(unit(ENTERPRISE_D, "盘锦红海滩塑料制品示范有限公司", DISTRICTS.get(3), "C2925", "SIMPLIFIED",
                new Random(4)));
        addUnits(result, codes, random, "KEY", KEY_HOLDERS - 2);
        addUnits(result, codes, random, "SIMPLIFIED", SIMPLIFIED_HOLDERS - 2);
        addUnits(result, codes, random, "REGISTRATION", REGISTRATIONS);
        return result;
    }

    private static void addUnits(List<Map<String, Object>> result, Set<String> codes, Random random,
                                 String managementClass, int count) {
        for (int i = 0; i < count; i++) {
            Object[] district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
            String[] industry = INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
            String code;
            do {
                StringBuilder body = new StringBuilder("91").append(district[1]).append("MA");
                for (int c = 0; c < 7; c++) {
                    body.append(UnifiedSocialCreditCode.ALPHABET.charAt(random.nextInt(UnifiedSocialCreditCode.ALPHABET.length())));
                }
                code = UnifiedSocialCreditCode.complete(body.toString());
            } while (!codes.add(code));
            String name = "盘锦" + NAME_WORDS[random.nextInt(NAME_WORDS.length)]
                    + NAME_WORDS[random.nextInt(NAME_WORDS.length)] + industry[1]
                    + (managementClass.equals("REGISTRATION") ? "经营部" : "有限公司") + "（" + code.substring(12, 17) + "）";
            result.add(unit(code, name, district, industry[0], managementClass, random));
        }
    }

    private static Map<String, Object> unit(String code, String name, Object[] district, String industry,
                                            String managementClass, Random random) {
        double lon = (double) district[2] + random.nextDouble() * ((double) district[4] - (double) district[2]);
        double lat = (double) district[3] + random.nextDouble() * ((double) district[5] - (double) district[3]);
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("code", code);
        unit.put("name", name);
        unit.put("district", district[0]);
        unit.put("industryCode", industry);
        unit.put("managementClass", managementClass);
        unit.put("address", "辽宁省盘锦市" + district[0] + "示范路" + (1 + random.nextInt(999)) + "号");
        unit.put("location", Map.of("longitude", round(lon), "latitude", round(lat)));
        return unit;
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000d) / 1_000_000d;
    }
}
