package gov.envgov.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;
import gov.envgov.support.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * GeoReport v2 conformance, written from the specification (wiki.open311.org/GeoReport_v2), not from this
 * service's answers: a client that sends only the specification's fields; api_key where clients put it; media;
 * the response fields and filters of GET requests; errors as {@code errors/error{code, description}} for every
 * path; UTF-8 and the XML declaration; and, beyond the specification, the privacy of the public feed. Every check
 * runs in both formats, {@code .json} and {@code .xml}.
 */
@ServiceTest(properties = {
        "eureka.client.enabled=false",
        "envgov.events.consumer.enabled=false",
        "envgov.complaint.open311.public-base-url=https://12345.example.gov.cn"})
class Open311ConformanceIT {

    static final String ADMIN = TestTokens.of("admin1", "admin");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String BASE = "https://12345.example.gov.cn";
    /** The specification's date-time: W3C, with an offset or Z; this server writes whole seconds. */
    static final String W3C_SECONDS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("open311conformance").register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    private String apiKey;

    @BeforeEach
    void issueKey() {
        apiKey = web.post().uri("/api/open311/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "GeoReport client"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("apiKey").asString();
    }

    /** Exactly what a generic GeoReport v2 client sends: no attribute of ours. */
    private MultiValueMap<String, String> specForm() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("api_key", apiKey);
        form.add("service_code", "air");
        form.add("lat", "41.12");
        form.add("long", "122.07");
        form.add("description", "工厂烟囱冒黑烟，气味刺鼻");
        form.add("email", "reporter@example.org");
        form.add("first_name", "Li");
        return form;
    }

    private WebTestClient.ResponseSpec post(String format, MultiValueMap<String, String> form) {
        return web.post().uri("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange();
    }

    private String body(WebTestClient.ResponseSpec response) {
        return response.expectBody(String.class).returnResult().getResponseBody();
    }

    private String get(String path) {
        return body(web.get().uri("/open311/v2/" + path).exchange().expectStatus().isOk());
    }

    /** The service_request_id of a created request, read from the body in either format. */
    private String created(String format, MultiValueMap<String, String> form) {
        WebTestClient.ResponseSpec response = post(format, form).expectStatus().isCreated();
        if (format.equals("json")) {
            return response.expectBody(JsonNode.class).returnResult().getResponseBody().get(0)
                    .get("service_request_id").asString();
        }
        String xml = body(response);
        assertXmlDocument(xml);
        return xml.replaceAll("(?s).*<service_request_id>([^<]+)</service_request_id>.*", "$1");
    }

    private static void assertXmlDocument(String xml) {
        assertThat(xml).startsWith("<?xml version=");
        assertThat(xml.substring(0, xml.indexOf("?>")).toUpperCase().replace('\'', '"')).contains("ENCODING=\"UTF-8\"");
    }

    private String column(String sql, String code) {
        return db.sql(sql).bind("code", code).map(row -> String.valueOf(row.get(0))).one().block();
    }

    private void assertError(String format, WebTestClient.ResponseSpec response, int code) {
        String text = body(response.expectStatus().isEqualTo(code).expectHeader().contentTypeCompatibleWith(
                format.equals("xml") ? MediaType.TEXT_XML : MediaType.APPLICATION_JSON));
        if (format.equals("xml")) {
            assertXmlDocument(text);
            assertThat(text).contains("<errors><error><code>" + code + "</code><description>");
        } else {
            assertThat(text).startsWith("[{\"code\":" + code + ",\"description\":\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    @DisplayName("O311-DISTRICT-FROM-LOCATION, O311-EMAIL-KEPT: a request with only the specification's fields is "
            + "accepted, its district found from lat/long and its e-mail kept encrypted")
    void aRequestWithOnlyTheSpecificationsFieldsIsAccepted(String format) {
        String id = created(format, specForm());

        assertThat(column("SELECT district FROM complaint WHERE tracking_code = :code", id)).isEqualTo("兴隆台区");
        ByteBuffer email = db.sql("""
                        SELECT i.email_enc FROM complainant_identity i JOIN complaint c ON c.id = i.complaint_id
                        WHERE c.tracking_code = :code""").bind("code", id)
                .map(row -> row.get(0, ByteBuffer.class)).one().block();
        byte[] stored = new byte[email.remaining()];
        email.get(stored);
        // O311-EMAIL-KEPT: kept, and not in plain text.
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("reporter@example.org");
        assertThat(stored.length).isGreaterThan("reporter@example.org".length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    @DisplayName("O311-DISTRICT-FROM-ADDRESS: without lat/long the district comes from address_string; when "
            + "neither names one, the specification's 400")
    void theDistrictComesFromTheAddressOrTheRequestIsA400(String format) {
        MultiValueMap<String, String> form = specForm();
        form.remove("lat");
        form.remove("long");
        form.add("address_string", "盘锦市大洼区田家街道小河村");
        String id = created(format, form);
        assertThat(column("SELECT district FROM complaint WHERE tracking_code = :code", id)).isEqualTo("大洼区");

        form.set("address_string", "石油大街 1 号");
        assertError(format, post(format, form), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    @DisplayName("O311-OUTSIDE-CITY: a location outside the city is a clear 400")
    void aLocationOutsideTheCityIsA400(String format) {
        MultiValueMap<String, String> beijing = specForm();
        beijing.set("lat", "39.90");
        beijing.set("long", "116.40");
        WebTestClient.ResponseSpec response = post(format, beijing);
        String text = body(response.expectStatus().isBadRequest());
        assertThat(text).contains("outside the city");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    @DisplayName("O311-API-KEY-QUERY: api_key is accepted in the query string as well as the body")
    void theApiKeyIsAcceptedInTheQueryString(String format) {
        MultiValueMap<String, String> form = specForm();
        form.remove("api_key");
        web.post().uri("/open311/v2/requests." + format + "?api_key=" + apiKey)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange().expectStatus().isCreated();
        assertError(format, web.post().uri("/open311/v2/requests." + format + "?api_key=not-a-key-0000000000")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form))
                .exchange(), 403);
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0x33aa55);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toByteArray();
    }

    private WebTestClient.ResponseSpec postMultipart(String format, MultiValueMap<String, String> form,
                                                     byte[] media) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        form.forEach((name, values) -> values.forEach(value -> body.part(name, value)));
        body.part("media", new ByteArrayResource(media) {
            @Override
            public String getFilename() {
                return "photo.png";
            }
        }).contentType(MediaType.IMAGE_PNG);
        return web.post().uri("/open311/v2/requests." + format).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    @DisplayName("O311-MEDIA-UPLOAD: a multipart POST with media stores it like a photo, shown as media_url built "
            + "from the public base URL; media that is no image refuses the request")
    void mediaIsStoredAndShownAsMediaUrl(String format) {
        MultiValueMap<String, String> form = specForm();
        form.add("attribute[public]", "true");
        String text = body(postMultipart(format, form, png()).expectStatus().isCreated());
        String id = format.equals("json") ? text.replaceAll("(?s).*\"service_request_id\":\"([^\"]+)\".*", "$1")
                : text.replaceAll("(?s).*<service_request_id>([^<]+)</service_request_id>.*", "$1");
        assertThat(column("""
                SELECT count(*) FROM complaint_photo p JOIN complaint c ON c.id = p.complaint_id
                WHERE c.tracking_code = :code""", id)).isEqualTo("1");

        String one = get("requests/" + id + "." + format);
        String mediaUrl = format.equals("json") ? one.replaceAll("(?s).*\"media_url\":\"([^\"]+)\".*", "$1")
                : one.replaceAll("(?s).*<media_url>([^<]+)</media_url>.*", "$1");
        assertThat(mediaUrl).startsWith(BASE + "/open311/v2/media/");
        byte[] image = web.get().uri(mediaUrl.substring(BASE.length())).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult()
                .getResponseBody();
        assertThat(image).isNotEmpty();

        String before = column("SELECT count(*) FROM complaint WHERE tracking_code <> :code", "");
        byte[] fake = new byte[512];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}, 0, fake, 0, 8);
        assertError(format, postMultipart(format, form, fake), 400);
        assertThat(column("SELECT count(*) FROM complaint WHERE tracking_code <> :code", "")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    @DisplayName("O311-GET-FIELDS: updated_datetime is filled, date-times have no fractions, status and "
            + "service_code take comma-separated lists, and service_request_id overrides every other filter")
    void getRequestsFieldsAndFilters(String format) {
        MultiValueMap<String, String> form = specForm();
        form.add("attribute[public]", "true");
        String air = created(format, form);
        form.set("service_code", "water");
        String water = created(format, form);

        String json = get("requests.json?service_request_id=" + air);
        assertThat(json).containsPattern("\"requested_datetime\":\"" + W3C_SECONDS + "\"")
                .containsPattern("\"updated_datetime\":\"" + W3C_SECONDS + "\"")
                .containsPattern("\"expected_datetime\":\"" + W3C_SECONDS + "\"");
        String xml = get("requests.xml?service_request_id=" + air);
        assertThat(xml).containsPattern("<updated_datetime>" + W3C_SECONDS + "</updated_datetime>")
                .containsPattern("<requested_datetime>" + W3C_SECONDS + "</requested_datetime>");

        String both = get("requests." + format + "?service_code=air,water&status=open,closed");
        assertThat(both).contains(air, water);
        assertThat(get("requests." + format + "?service_code=water")).contains(water).doesNotContain(air);
        assertThat(get("requests." + format + "?status=closed")).doesNotContain(air).doesNotContain(water);
        // The ids override service_code, status and the window, even where these would find nothing or be wrong.
        String byIds = get("requests." + format + "?service_request_id=" + air + "," + water
                + "&service_code=noise&status=closed&start_date=2000-01-01T00:00:00Z&end_date=2000-01-02T00:00:00Z");
        assertThat(byIds).contains(air, water);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    @DisplayName("O311-UNKNOWN-PATH: an unknown path under /open311/ answers the specification's errors document "
            + "in the requested format")
    void anUnknownPathIsAnErrorsDocument(String format) {
        assertError(format, web.get().uri("/open311/v2/nothing-here." + format).exchange(), 404);
        assertError(format, web.get().uri("/open311/v3/services." + format).exchange(), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    @DisplayName("O311-FEED-CONSENT, O311-WHAT-IS-PUBLIC: only requests whose filer agreed appear in the public "
            + "feed, scrubbed; the reply only once marked public")
    void onlyConsentedRequestsArePublic(String format) {
        MultiValueMap<String, String> silent = specForm();
        String hidden = created(format, silent);
        assertThat(get("requests." + format)).doesNotContain(hidden);
        assertError(format, web.get().uri("/open311/v2/requests/" + hidden + "." + format).exchange(), 404);
        assertThat(get("requests." + format + "?service_request_id=" + hidden)).doesNotContain(hidden);

        String byPhone = web.post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("category", "NOISE",
                        "description", "夜间施工噪声扰民", "district", "大洼区"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("trackingCode").asString();
        // O311-FEED-CONSENT: a hotline call is not public unless the caller agreed; a citizen who agrees is.
        assertThat(get("requests." + format)).doesNotContain(byPhone);
        String citizen = web.post().uri("/api/complaints")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of("citizen-pub", "citizen"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("category", "WATER",
                        "description", "河道发黑发臭", "district", "盘山县", "publicFeedConsent", true))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("trackingCode").asString();
        assertThat(get("requests." + format)).contains(citizen);

        MultiValueMap<String, String> agreed = specForm();
        agreed.add("attribute[public]", "true");
        agreed.set("description", "工厂冒黑烟，请回电 138-1234-5678 或 reporter@example.org，渣土车辽L12345");
        String shown = created(format, agreed);
        String feed = get("requests." + format);
        assertThat(feed).contains(shown).doesNotContain("138-1234-5678").doesNotContain("reporter@example.org")
                .doesNotContain("辽L12345").doesNotContain("reporter").doesNotContain("Li<");

        String complaintId = column("SELECT id FROM complaint WHERE tracking_code = :code", shown);
        db.sql("UPDATE complaint SET status = 'REPLIED', reply = :reply WHERE tracking_code = :code")
                .bind("reply", "已责令停产整改，联系人电话 0427 2812345").bind("code", shown).then().block();
        assertThat(get("requests/" + shown + "." + format)).doesNotContain("已责令停产整改");

        web.put().uri("/api/complaints/" + complaintId + "/publication/reply")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("replyPublic", true)).exchange().expectStatus().isNoContent();
        assertThat(get("requests/" + shown + "." + format)).contains("已责令停产整改").doesNotContain("2812345");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    @DisplayName("O311-REPLY-PUBLIC-MARK: a citizen cannot mark a reply public, nor anyone the reply of a "
            + "request that is not public")
    void markingAReplyPublicIsForStaffAndPublicRequests(String format) {
        String hidden = created(format, specForm());
        String complaintId = column("SELECT id FROM complaint WHERE tracking_code = :code", hidden);
        web.put().uri("/api/complaints/" + complaintId + "/publication/reply")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of("citizen-x", "citizen"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("replyPublic", true)).exchange()
                .expectStatus().isForbidden();
        web.put().uri("/api/complaints/" + complaintId + "/publication/reply")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("replyPublic", true)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type")
                .isEqualTo("urn:envgov:problem:not-published");
    }

    @Test
    @DisplayName("O311-XML: an empty result is a valid, empty service_requests element; every XML answer has the "
            + "declaration and UTF-8")
    void anEmptyXmlResultIsValid() {
        EntityExchangeResult<String> empty = web.get().uri("/open311/v2/requests.xml?service_request_id=HB0-NONE")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(empty.getResponseHeaders().getContentType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
        String xml = empty.getResponseBody();
        assertXmlDocument(xml);
        assertThat(xml).endsWith("<service_requests></service_requests>");
        web.get().uri("/open311/v2/requests.xml?service_request_id=HB0-NONE").exchange().expectBody()
                .xpath("count(/service_requests/request)").isEqualTo(0.0);
        for (String path : List.of("discovery.xml", "services.xml", "services/air.xml", "requests.xml")) {
            EntityExchangeResult<String> answer = web.get().uri("/open311/v2/" + path).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult();
            assertThat(answer.getResponseHeaders().getContentType().getCharset()).as(path)
                    .isEqualTo(StandardCharsets.UTF_8);
            assertXmlDocument(answer.getResponseBody());
        }
        EntityExchangeResult<String> json = web.get().uri("/open311/v2/services.json").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(json.getResponseHeaders().getContentType().getCharset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    @DisplayName("O311-PUBLIC-BASE-URL: discovery's URL comes from the configured public base URL, not the Host "
            + "header")
    void discoveryDoesNotReflectTheHostHeader(String format) {
        String discovery = body(web.get().uri("/open311/v2/discovery." + format)
                .header(HttpHeaders.HOST, "attacker.example").exchange().expectStatus().isOk());
        assertThat(discovery).contains(BASE + "/open311/v2/").doesNotContain("attacker.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "xml"})
    @DisplayName("O311-CONTACT-VALIDATED: contact fields are validated for length and format like the REST intake")
    void contactFieldsAreValidated(String format) {
        MultiValueMap<String, String> huge = specForm();
        huge.set("first_name", "李".repeat(200_000));
        String text = body(post(format, huge).expectStatus().isBadRequest());
        assertThat(text).contains("first_name").doesNotContain("李李李李李李李李李李");
        MultiValueMap<String, String> markup = specForm();
        markup.set("first_name", "<script>alert(1)</script>");
        assertThat(body(post(format, markup).expectStatus().isBadRequest())).contains("first_name");
        MultiValueMap<String, String> email = specForm();
        email.set("email", "not an e-mail <b>");
        assertThat(body(post(format, email).expectStatus().isBadRequest())).contains("email");
        MultiValueMap<String, String> phone = specForm();
        phone.set("phone", "<b>call me</b>");
        assertThat(body(post(format, phone).expectStatus().isBadRequest())).contains("phone");
    }
}
