package gov.envgov.complaint.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintFacts;
import gov.envgov.complaint.complaint.ComplaintQueries;
import gov.envgov.complaint.complaint.ComplaintStatus;
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.complaint.complaint.Location;
import gov.envgov.complaint.geo.DistrictBoundaries;
import gov.envgov.complaint.intake.FileComplaintRequest;
import gov.envgov.complaint.intake.IntakeService;
import gov.envgov.complaint.photo.PhotoProperties;
import gov.envgov.complaint.photo.Photos;
import gov.envgov.complaint.platform.FixedBureauTime;
import gov.envgov.complaint.platform.WebSliceSecurity;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.reference.Districts;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Open311 GeoReport v2 with the real security rules: public, no token needed, an api key for posting; every error
 * in Open311's own shape ({@code [{code, description}]} in JSON, {@code <errors><error>} in XML) in the format the
 * path asks for, never a problem document. Intake, the complaint reads and the key store are mocked; the
 * configuration (districts, window, contact) and the bureau's time (fixed at 2 March 2026) are the service's.
 */
@WebFluxTest({Open311Controller.class, Open311Fallback.class})
@SuppressWarnings("unchecked")
@Import({WebSliceSecurity.class, FixedBureauTime.class, Open311ControllerTest.Open311Configuration.class,
        DistrictBoundaries.class})
class Open311ControllerTest {

    static final String KEY = "4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f";
    static final Instant NOW = FixedBureauTime.NOW;

    /** The Open311 settings and the city's districts bound from the service's configuration, as in the application. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties({Open311Properties.class, Districts.class, PhotoProperties.class})
    static class Open311Configuration {
    }

    @Autowired
    WebTestClient web;
    @MockitoBean
    IntakeService intake;
    @MockitoBean
    ComplaintQueries complaints;
    @MockitoBean
    Open311Clients clients;
    @MockitoBean
    Publications feed;
    @MockitoBean
    Photos photos;

    private Complaint complaint;

    /** One key of the client "City app"; a complaint it filed, dispatched to the 兴隆台区 branch. */
    @BeforeEach
    void aClientWithAKeyAndADispatchedComplaint() {
        complaint = Complaint.register(UUID.randomUUID(), "HB20260302-ABCDEFGH", "open311:City app", Channel.OPEN311,
                new ComplaintFacts(ComplaintType.COMPLAINT, Category.AIR, "工厂烟囱冒黑烟 & 异味，联系我 13812345678",
                        "兴隆台区", null, "兴隆台区石油大街 1 号", new Location(122.07, 41.12)),
                NOW, LocalDate.of(2026, 3, 23)).complaint().dispatch("兴隆台区生态环境分局", NOW).complaint();
        when(clients.clientFor(any())).thenReturn(Mono.empty());
        when(clients.clientFor(KEY)).thenReturn(Mono.just("City app"));
        when(intake.fileFromClient(any(), eq("City app"))).thenReturn(Mono.just(complaint));
        when(complaints.publicSearch(anyList(), any(), any(), any(), any(), anyInt()))
                .thenReturn(Flux.just(complaint));
        when(complaints.publicFind(anyString())).thenReturn(Mono.empty());
        when(complaints.publicFind("HB20260302-ABCDEFGH")).thenReturn(Mono.just(complaint));
        when(complaints.publicFind(any(UUID.class))).thenReturn(Mono.empty());
        when(complaints.publicFind(complaint.id())).thenReturn(Mono.just(complaint));
        // The complaint's filer agreed to the public feed.
        when(feed.search(any(), any(), any(), any(), anyInt()))
                .thenReturn(Mono.just(List.of(complaint.trackingCode())));
        when(feed.published(anyList())).thenAnswer(call -> Mono.just(((List<String>) call.getArgument(0)).stream()
                .filter(complaint.trackingCode()::equals).toList()));
        when(feed.details(anyList())).thenReturn(Mono.just(new Publications.Details(Map.of(), Set.of(), Map.of())));
    }

    private static MultiValueMap<String, String> form(String key) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (key != null) {
            form.add("api_key", key);
        }
        form.add("service_code", "air");
        form.add("attribute[district]", "兴隆台区");
        form.add("lat", "41.12");
        form.add("long", "122.07");
        form.add("description", "工厂烟囱冒黑烟，联系我 13812345678");
        form.add("first_name", "三");
        form.add("last_name", "张");
        form.add("phone", "13812345678");
        return form;
    }

    private WebTestClient.ResponseSpec post(String format, MultiValueMap<String, String> form) {
        return web.post().uri("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form)).exchange();
    }

    private WebTestClient.ResponseSpec get(String path, Object... variables) {
        return web.get().uri("/open311/v2/" + path, variables).exchange();
    }

    @Test
    void discoveryAndTheServiceListAreServedWithoutATokenInJsonAndXml() {
        web.get().uri("https://12345.example.gov.cn/open311/v2/discovery.json").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.contact").isEqualTo("盘锦市生态环境局 12345 热线")
                .jsonPath("$.endpoints[0].url").isEqualTo("http://localhost:8080/open311/v2/")
                .jsonPath("$.endpoints[0].formats[0]").isEqualTo("text/xml");
        get("discovery.xml").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody().xpath("/discovery/endpoints/endpoint/formats/format[2]").isEqualTo("application/json");
        get("services.json").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(8)
                .jsonPath("$[0].service_code").isEqualTo("air");
        get("services.xml").expectStatus().isOk().expectBody()
                .xpath("count(/services/service)").isEqualTo(8.0)
                .xpath("/services/service[5]/service_code").isEqualTo("odour");
    }

    @Test
    void aServiceDefinitionOffersTheConfiguredDistricts() {
        get("services/noise.json").expectStatus().isOk().expectBody()
                .jsonPath("$.service_code").isEqualTo("noise")
                .jsonPath("$.attributes[0].code").isEqualTo("district")
                .jsonPath("$.attributes[0].values.length()").isEqualTo(5)
                .jsonPath("$.attributes[0].values[1].key").isEqualTo("兴隆台区");
        get("services/noise.xml").expectStatus().isOk().expectBody()
                .xpath("/service_definition/attributes/attribute[code='district']/values/value[3]/key")
                .isEqualTo("大洼区");
    }

    @Test
    void anUnknownServiceIsAnOpen311NotFoundInTheFormatThePathAsksFor() {
        get("services/nope.json").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].code").isEqualTo(404)
                .jsonPath("$[0].description").isEqualTo("no service nope");
        get("services/nope.xml").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody()
                .xpath("count(/errors/error)").isEqualTo(1.0)
                .xpath("/errors/error/code").isEqualTo("404")
                .xpath("/errors/error/description").isEqualTo("no service nope");
    }

    @Test
    void aFormatOtherThanJsonOrXmlIsAnOpen311BadRequestInJson() {
        get("services.yaml").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$[0].code").isEqualTo(400)
                .jsonPath("$[0].description").isEqualTo("format must be json or xml");
    }

    @Test
    void aClientsRequestIsFiledWithItsNameAndAnsweredWithTheTrackingCodeAndToken() {
        post("json", form(KEY)).expectStatus().isCreated()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].service_request_id").isEqualTo("HB20260302-ABCDEFGH")
                .jsonPath("$[0].token").isEqualTo(complaint.id().toString())
                .jsonPath("$[0].service_notice").isEqualTo("按时限办理，到期日 2026-03-23");
        post("xml", form(KEY)).expectStatus().isCreated()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody()
                .xpath("/service_requests/request/service_request_id").isEqualTo("HB20260302-ABCDEFGH");

        ArgumentCaptor<FileComplaintRequest> filed = ArgumentCaptor.forClass(FileComplaintRequest.class);
        verify(intake, times(2)).fileFromClient(filed.capture(), eq("City app"));
        FileComplaintRequest request = filed.getValue();
        assertThat(request.category()).isEqualTo(Category.AIR);
        assertThat(request.district()).isEqualTo("兴隆台区");
        assertThat(request.type()).isNull();
        assertThat(request.location()).isEqualTo(new Location(122.07, 41.12));
        assertThat(request.complainant().name()).isEqualTo("张三");
        assertThat(request.complainant().phone()).isEqualTo("13812345678");
    }

    @Test
    void aRequestWithoutAValidApiKeyIsAnOpen311ForbiddenAndNothingIsFiled() {
        post("json", form(null)).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$[0].code").isEqualTo(403)
                .jsonPath("$[0].description").isEqualTo("api_key is missing or not valid");
        post("xml", form("not-a-key-at-all-000")).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody()
                .xpath("/errors/error/code").isEqualTo("403")
                .xpath("/errors/error/description").isEqualTo("api_key is missing or not valid");
        verifyNoInteractions(intake);
    }

    @Test
    void aFormMissingWhatARequestNeedsIsAnOpen311BadRequestAndNothingIsFiled() {
        MultiValueMap<String, String> noService = form(KEY);
        noService.remove("service_code");
        post("json", noService).expectStatus().isBadRequest().expectBody()
                .jsonPath("$[0].code").isEqualTo(400)
                .jsonPath("$[0].description").isEqualTo("service_code is required");
        MultiValueMap<String, String> nowhere = form(KEY);
        nowhere.remove("lat");
        nowhere.remove("long");
        post("xml", nowhere).expectStatus().isBadRequest().expectBody()
                .xpath("/errors/error/code").isEqualTo("400")
                .xpath("/errors/error/description")
                .isEqualTo("a location is required: lat and long, or address_string");
        MultiValueMap<String, String> badLat = form(KEY);
        badLat.set("lat", "north");
        post("json", badLat).expectStatus().isBadRequest().expectBody()
                .jsonPath("$[0].description")
                .isEqualTo("lat and long must both be numbers; coordinate_system wgs84, gcj02 or bd09");
        MultiValueMap<String, String> badType = form(KEY);
        badType.add("attribute[type]", "rumour");
        post("json", badType).expectStatus().isBadRequest().expectBody()
                .jsonPath("$[0].description").isEqualTo("attribute[type] is not one of the listed values");
        MultiValueMap<String, String> noDescription = form(KEY);
        noDescription.remove("description");
        post("json", noDescription).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$[0].code").isEqualTo(400)
                .jsonPath("$[0].description").value(String.class,
                        description -> assertThat(description).startsWith("description "));
        verifyNoInteractions(intake);
    }

    @Test
    void aRefusalOfIntakeIsAnOpen311BadRequestRatherThanAProblemDocument() {
        when(intake.fileFromClient(any(), eq("City app"))).thenReturn(Mono.error(new DomainException.RuleViolation(
                "unknown-district", "district", "'月球' is not a district of the city")));
        MultiValueMap<String, String> elsewhere = form(KEY);
        elsewhere.set("attribute[district]", "月球");
        post("json", elsewhere).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].code").isEqualTo(400)
                .jsonPath("$[0].description").isEqualTo("'月球' is not a district of the city")
                .jsonPath("$[0].type").doesNotExist();
        post("xml", elsewhere).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_XML)
                .expectBody().xpath("/errors/error/code").isEqualTo("400");
    }

    @Test
    void requestsAreSearchedInTheDefaultWindowAndShownWithoutPersonalData() {
        get("requests.json?service_code=air&status=open").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].service_request_id").isEqualTo("HB20260302-ABCDEFGH")
                .jsonPath("$[0].status").isEqualTo("open")
                .jsonPath("$[0].status_notes").isEqualTo("已转办至 兴隆台区生态环境分局 dispatched")
                .jsonPath("$[0].description").isEqualTo("工厂烟囱冒黑烟 & 异味，联系我 [电话已隐藏]")
                .jsonPath("$[0].agency_responsible").isEqualTo("兴隆台区生态环境分局")
                .jsonPath("$[0].requested_datetime").isEqualTo("2026-03-02T10:00:00+08:00")
                .jsonPath("$[0].updated_datetime").isEqualTo("2026-03-02T10:00:00+08:00")
                .jsonPath("$[0].expected_datetime").isEqualTo("2026-03-23T23:59:59+08:00")
                .jsonPath("$[0].lat").isEqualTo(41.12);
        verify(feed).search(Set.of(Category.AIR), NOW.minus(Duration.ofDays(90)), NOW,
                EnumSet.complementOf(EnumSet.of(ComplaintStatus.CLOSED)), 1000);

        get("requests.xml?service_request_id={ids}&status=closed&start_date={start}&end_date={end}",
                "HB20260302-ABCDEFGH, HB20260302-ZZZZZZZZ", "2026-02-01T00:00:00+08:00", "2026-03-01T00:00:00+08:00")
                .expectStatus().isOk().expectBody()
                .xpath("/service_requests/request/description").isEqualTo("工厂烟囱冒黑烟 & 异味，联系我 [电话已隐藏]")
                .xpath("/service_requests/request/address").isEqualTo("兴隆台区石油大街 1 号");
        // The ids override the window and the status: only the published one of them is shown.
        verify(feed).published(List.of("HB20260302-ABCDEFGH", "HB20260302-ZZZZZZZZ"));
    }

    @Test
    void badSearchParametersAreOpen311BadRequestsAndSearchNothing() {
        get("requests.json?start_date=yesterday").expectStatus().isBadRequest().expectBody()
                .jsonPath("$[0].code").isEqualTo(400)
                .jsonPath("$[0].description").isEqualTo("start_date must be a W3C (ISO 8601) date-time");
        get("requests.xml?status=pending").expectStatus().isBadRequest().expectBody()
                .xpath("/errors/error/description").isEqualTo("status must be open, closed or both, comma-separated");
        get("requests.json?service_code=nope").expectStatus().isBadRequest().expectBody()
                .jsonPath("$[0].description")
                .isEqualTo("service_code: no service nope; the services are listed at services.json");
        get("requests.json?start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z").expectStatus()
                .isBadRequest().expectBody()
                .jsonPath("$[0].description").isEqualTo("start_date must be before end_date");
        verifyNoInteractions(complaints, feed);
    }

    @Test
    void oneRequestAndATokenAreFoundOrAreOpen311NotFound() {
        get("requests/HB20260302-ABCDEFGH.xml").expectStatus().isOk().expectBody()
                .xpath("/service_requests/request/status").isEqualTo("open");
        get("requests/HB20260302-NOTHING0.json").expectStatus().isNotFound().expectBody()
                .jsonPath("$[0].code").isEqualTo(404)
                .jsonPath("$[0].description").isEqualTo("no service request HB20260302-NOTHING0");
        get("tokens/" + complaint.id() + ".json").expectStatus().isOk().expectBody()
                .jsonPath("$[0].service_request_id").isEqualTo("HB20260302-ABCDEFGH")
                .jsonPath("$[0].token").isEqualTo(complaint.id().toString());
        UUID unknown = UUID.randomUUID();
        get("tokens/" + unknown + ".xml").expectStatus().isNotFound().expectBody()
                .xpath("/errors/error/description").isEqualTo("no token " + unknown);
        get("tokens/not-a-token.json").expectStatus().isNotFound().expectBody()
                .jsonPath("$[0].description").isEqualTo("no token not-a-token");
        verify(complaints).publicFind(complaint.id());
        verify(complaints).publicFind(unknown);
    }

    @Test
    void noBearerTokenIsNeededButAnInvalidOneIsStillRefusedByTheSecurityChain() {
        web.get().uri("/open311/v2/services.json")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.of("citizen-1", "citizen")).exchange()
                .expectStatus().isOk();
        web.get().uri("/open311/v2/services.json").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:unauthorized");
    }
}
