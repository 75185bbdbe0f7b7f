package gov.envgov.launcher.demo;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import gov.envgov.launcher.Http;
import gov.envgov.launcher.PlatformConfig;

/**
 * Demo complaints in every state of the line, some overdue, one anonymous, one from the demo Open311 client, and one
 * paid reward for a real-name first report (proposed by the hotline, approved by the admin, paid); made
 * through the gateway with the demo users' own tokens, so every one is a real registration with its events.
 */
final class DemoComplaints {

    private static final String XLT = "兴隆台区";
    private static final String DW = "大洼区";

    private final Http http;
    private final PlatformConfig config;
    private final Map<String, String> tokens = new HashMap<>();

    DemoComplaints(Http http, PlatformConfig config) {
        this.http = http;
        this.config = config;
    }

    void load() {
        String first = awaitEnterpriseKnown();
        post("admin1", "/api/open311/clients", Map.of("name", "Demo Open311 client", "apiKey", DemoAccounts.OPEN311_KEY), 201);

        dispatch(file("citizen2", "NOISE", DW, "广场舞音响声音过大，夜里十点后仍未停止", null));

        String returned = file("operator1", Map.of("channel", "LETTER", "category", "ECOLOGY", "district", DW,
                "description", "来信反映湿地芦苇被非法收割"));
        dispatch(returned, "兴隆台区生态环境分局");
        post("handler-xlt", "/api/complaints/" + returned + "/return", Map.of("reason", "属大洼区辖区"), 200);

        String accepted = dispatch(file("citizen1", "WATER", XLT, "雨水排口有白色泡沫流入河道", null));
        step("handler-xlt", accepted, "accept");

        String paused = dispatch(file("citizen2", "ODOUR", DW, "养殖场臭味严重，需与投诉人约定时间现场核查", null));
        step("handler-dw", paused, "accept");
        step("handler-dw", paused, "start");
        step("handler-dw", paused, "pause");

        Map<String, Object> realName = new HashMap<>(Map.of("category", "SOLID_WASTE", "district", XLT,
                "description", "厂区外堆放油泥，疑似危险废物", "enterpriseCode", DemoData.ENTERPRISE_A,
                "complainant", Map.of("name", "王建国", "phone", "13904270001")));
        String handled = handle(file("citizen1", realName), "handler-xlt", true, "现场发现含油污泥露天堆放，已立案");
        payReward(handled);

        String replied = handle(file("citizen2", "NOISE", DW, "企业夜间生产噪声扰民", null), "handler-dw", false,
                "监测结果达标");
        reply("handler-dw", replied, "经夜间监测，厂界噪声达标，已要求企业加强管理");

        String followed = handle(file("citizen1", "AIR", XLT, "工地扬尘严重，未采取苫盖措施", null), "handler-xlt", true,
                "工地未苫盖，已责令整改");
        reply("handler-xlt", followed, "已责令施工单位整改并复查");
        post("operator1", "/api/complaints/" + followed + "/follow-up",
                Map.of("satisfaction", "SATISFIED", "solved", true), 200);

        String closed = handle(file("citizen2", "WATER", DW, "村边沟渠出现死鱼", null), "handler-dw", false,
                "系高温缺氧所致，非排污");
        reply("handler-dw", closed, "经调查系高温缺氧所致，已协调清理");
        post("operator1", "/api/complaints/" + closed + "/follow-up",
                Map.of("satisfaction", "UNSATISFIED", "solved", true), 200);
        step("operator1", closed, "close");

        String duplicate = file("citizen2", "AIR", XLT, "工厂烟囱夜里冒黑烟，味道刺鼻", DemoData.ENTERPRISE_A);
        post("operator1", "/api/complaints/" + duplicate + "/duplicate-of", Map.of("masterId", first), 200);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        file("operator1", Map.of("channel", "LETTER", "type", "HELP", "category", "OTHER", "district", XLT,
                "description", "来信求助：小区附近变电站辐射是否超标", "receivedOn", today.minusDays(40).toString()));
        dispatch(file("operator1", Map.of("channel", "LETTER", "type", "COMPLAINT", "category", "AIR",
                "district", XLT, "description", "来信反映砖厂烟尘污染", "receivedOn", today.minusDays(30).toString())));

        post(null, "/api/public/complaints", Map.of("category", "WATER", "district", DW,
                "description", "匿名反映：夜间有罐车向河道倾倒污水"), 201);
        HttpResponse<String> open311 = http.postForm(config.gatewayUrl() + "/open311/v2/requests.json", Map.of(
                "api_key", DemoAccounts.OPEN311_KEY, "service_code", "odour", "attribute[district]", XLT,
                "attribute[coordinate_system]", "gcj02", "lat", "41.1230", "long", "122.0760",
                "description", "Open311 客户端上报：污水处理厂周边恶臭"));
        if (open311.statusCode() != 201) {
            throw new IllegalStateException("demo data: Open311 POST answered " + open311.statusCode() + " "
                    + open311.body());
        }
        System.out.println("Demo complaints loaded: every state of the line, two overdue letters, one anonymous,"
                + " one paid reward");
    }

    /** The complaint line learns enterprises from the feed; the first complaint naming one waits until it has. */
    private String awaitEnterpriseKnown() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send("POST", config.gatewayUrl() + "/api/complaints",
                    token("citizen1"), Map.of("category", "AIR", "district", XLT,
                            "description", "化工厂烟囱夜间冒黑烟，刺鼻气味",
                            "enterpriseCode", DemoData.ENTERPRISE_A,
                            "location", Map.of("longitude", 122.0701, "latitude", 41.1201)));
            if (response.statusCode() == 201) {
                return Http.parse(response).get("id").asString();
            }
            Http.pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("complaint-service did not learn the demo enterprises in time");
    }

    private String file(String user, String category, String district, String description, String enterprise) {
        Map<String, Object> body = new HashMap<>(Map.of("category", category, "district", district,
                "description", description));
        if (enterprise != null) {
            body.put("enterpriseCode", enterprise);
        }
        return file(user, body);
    }

    private String file(String user, Map<String, Object> body) {
        return Http.parse(post(user, "/api/complaints", body, 201)).get("id").asString();
    }

    private String dispatch(String id) {
        post("operator1", "/api/complaints/" + id + "/dispatch", Map.of(), 200);
        return id;
    }

    private void dispatch(String id, String unit) {
        post("operator1", "/api/complaints/" + id + "/dispatch", Map.of("unit", unit), 200);
    }

    private String handle(String id, String handler, boolean substantiated, String findings) {
        dispatch(id);
        step(handler, id, "accept");
        step(handler, id, "start");
        post(handler, "/api/complaints/" + id + "/handling",
                Map.of("substantiated", substantiated, "findings", findings), 200);
        return id;
    }

    /**
     * 有奖举报: the real-name first report found substantiated gets a reward, proposed by the hotline, approved by
     * another account (four eyes) and paid.
     */
    private void payReward(String complaint) {
        String reward = Http.parse(post("operator1", "/api/complaints/" + complaint + "/reward",
                Map.of("severity", "SERIOUS", "grounds", "举报线索属实，查实危险废物露天堆放并立案"), 201))
                .get("id").asString();
        post("admin1", "/api/complaints/rewards/" + reward + "/approve", Map.of(), 200);
        post("operator1", "/api/complaints/rewards/" + reward + "/payment",
                Map.of("reference", "盘锦市财政国库支付 2026-0001"), 200);
    }

    private void reply(String handler, String id, String text) {
        post(handler, "/api/complaints/" + id + "/reply", Map.of("text", text), 200);
    }

    private void step(String user, String id, String action) {
        post(user, "/api/complaints/" + id + "/" + action, Map.of(), 200);
    }

    private HttpResponse<String> post(String user, String path, Object body, int expected) {
        HttpResponse<String> response = http.send("POST", config.gatewayUrl() + path,
                user == null ? null : token(user), body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("demo data: POST " + path + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return response;
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, name -> http.passwordToken(config.keycloakUrl(), name, "demo"));
    }
}
