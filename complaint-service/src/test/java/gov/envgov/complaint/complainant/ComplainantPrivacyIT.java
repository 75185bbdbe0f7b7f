package gov.envgov.complaint.complainant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.events.EventFeed;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** Complainant confidentiality (Environmental Protection Law art. 57) and anonymous tracking. */
@ServiceTest
class ComplainantPrivacyIT {

    static final String NAME = "张三丰";
    static final String PHONE = "13812345678";
    static final String ID_NUMBER = "11010519491231002X";
    static final String CITIZEN = TestTokens.of("citizen-p", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", "兴隆台区生态环境分局", "complaint_handler");
    static final String DW = TestTokens.unit("handler-dw", "大洼区生态环境分局", "complaint_handler");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("privacy").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    EventFeed feed;
    @Autowired
    AuditTrail audit;

    private static Map<String, Object> complaint(Map<String, Object> complainant) {
        Map<String, Object> body = new HashMap<>(Map.of("category", "NOISE", "description", "工地夜间施工噪声扰民",
                "district", "兴隆台区"));
        if (complainant != null) {
            body.put("complainant", complainant);
        }
        return body;
    }

    private String fileByPhone() {
        JsonNode created = web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(complaint(Map.of("name", NAME, "phone", PHONE, "idNumber", ID_NUMBER)))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return created.get("id").asString();
    }

    private String get(String token, String path) {
        return web.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void theIdentityIsEncryptedAtRestAndNeverInEventsOrTheAuditTrail() {
        String id = fileByPhone();
        ByteBuffer stored = db.sql("SELECT phone_enc FROM complainant_identity WHERE complaint_id = :id::uuid")
                .bind("id", id).map(row -> row.get("phone_enc", ByteBuffer.class)).one().block();
        byte[] bytes = new byte[stored.remaining()];
        stored.get(bytes);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(PHONE);
        String rows = db.sql("SELECT row_to_json(c)::text AS r FROM complaint c WHERE id = :id::uuid").bind("id", id)
                .map(row -> row.get("r", String.class)).one().block();
        assertThat(rows).doesNotContain(PHONE).doesNotContain(NAME);
        assertThat(feed.read(0, 1000).block().events().toString()).doesNotContain(PHONE).doesNotContain(NAME);
        assertThat(audit.history("complaint", id).collectList().block().toString())
                .doesNotContain(PHONE).doesNotContain(NAME);
    }

    @Test
    void staffSeeTheComplainantMaskedAndARevealIsAudited() {
        String id = fileByPhone();
        String masked = get(OPERATOR, "/api/complaints/" + id);
        assertThat(masked).contains("138****5678").contains("张**").contains("1101**********002X")
                .doesNotContain(PHONE).doesNotContain(ID_NUMBER);

        web.post().uri("/api/complaints/" + id + "/complainant/reveal")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.phone").isEqualTo(PHONE)
                .jsonPath("$.idNumber").isEqualTo(ID_NUMBER);
        assertThat(audit.history("complaint", id).collectList().block())
                .filteredOn(entry -> entry.action().equals("reveal-complainant"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.actor()).isEqualTo("operator1"));
    }

    @Test
    void aHandlerOfAnotherUnitAndEnterprisesCannotReachTheIdentity() {
        String id = fileByPhone();
        web.post().uri("/api/complaints/" + id + "/dispatch").header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange().expectStatus().isOk();
        web.post().uri("/api/complaints/" + id + "/complainant/reveal")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + DW).exchange().expectStatus().isNotFound();
        web.post().uri("/api/complaints/" + id + "/complainant/reveal")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + XLT).exchange().expectStatus().isOk();
        String enterprise = TestTokens.enterprise("ent-a", "91211103MA0GA0001Y");
        web.post().uri("/api/complaints/" + id + "/complainant/reveal")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + enterprise).exchange().expectStatus().isForbidden();
        web.get().uri("/api/complaints/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + enterprise).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void theFilerSeesTheirOwnDataInFull() {
        JsonNode created = web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(complaint(Map.of("phone", PHONE)))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(get(CITIZEN, "/api/complaints/" + created.get("id").asString())).contains(PHONE);
    }

    @Test
    void anIdNumberWithAWrongCheckCharacterIsRefused() {
        web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(complaint(Map.of("name", NAME, "idNumber", "110105194912310021")))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("complainant.idNumber");
    }

    @Test
    void anAnonymousFilerFollowsTheComplaintWithCodeAndSecretOnly() {
        JsonNode receipt = web.post().uri("/api/public/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(complaint(null)).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String code = receipt.get("trackingCode").asString();
        String secret = receipt.get("secret").asString();
        assertThat(secret).hasSize(20);

        web.get().uri("/api/public/complaints/" + code).header("X-Tracking-Secret", secret).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REGISTERED")
                .jsonPath("$.description").doesNotExist();
        web.get().uri("/api/public/complaints/" + code).header("X-Tracking-Secret", secret + "X").exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/public/complaints/" + code).exchange().expectStatus().isNotFound();

        web.post().uri("/api/public/complaints").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(complaint(Map.of("phone", PHONE))).exchange().expectStatus().isEqualTo(422);
    }

    /**
     * CMP-IDENTITY-ACCESS-LOG: every access by staff to a complainant's identity is logged, the masked view with
     * the complaint as well as a reveal in full; an admin reads who saw it and when.
     */
    @Test
    void cmpIdentityAccessLogKeepsEveryMaskedViewAndEveryReveal() {
        String admin = TestTokens.of("admin1", "admin");
        String id = fileByPhone();
        assertThat(get(OPERATOR, "/api/complaints/" + id)).contains("138****5678").doesNotContain(PHONE);
        web.post().uri("/api/complaints/" + id + "/complainant/reveal")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR).exchange().expectStatus().isOk();
        get(admin, "/api/complaints/" + id);

        JsonNode accesses = web.get().uri("/api/complaints/" + id + "/complainant/accesses")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(accesses.findValuesAsString("actor")).containsExactly("operator1", "operator1", "admin1");
        assertThat(accesses.findValuesAsString("view")).containsExactly("MASKED", "FULL", "MASKED");
        assertThat(accesses.get(0).get("accessedAt").asString()).isNotBlank();
        web.get().uri("/api/complaints/" + id + "/complainant/accesses")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR).exchange().expectStatus().isForbidden();

        // The complainant reading their own complaint is no access by staff.
        String own = web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(complaint(Map.of("name", NAME, "phone", PHONE)))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
        assertThat(get(CITIZEN, "/api/complaints/" + own)).contains(PHONE);
        assertThat(db.sql("SELECT count(*) AS n FROM complainant_access WHERE complaint_id = :id::uuid")
                .bind("id", own).map(row -> row.get("n", Long.class)).one().block()).isZero();
    }
}
