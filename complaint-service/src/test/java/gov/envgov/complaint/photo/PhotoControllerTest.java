package gov.envgov.complaint.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintAccess;
import gov.envgov.complaint.complaint.ComplaintFacts;
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.complaint.platform.WebSliceSecurity;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.testing.TestTokens;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Complaint photos with the real security rules and role mapping, and the controller's own size limit (lowered to
 * 64 bytes here). The use case is mocked; it finds the complaint with the real {@link ComplaintAccess} rule and
 * tells the image type by content with the real {@link Photos#contentType}.
 */
@WebFluxTest(controllers = PhotoController.class, properties = "envgov.complaint.photos.max-bytes=64")
@Import({WebSliceSecurity.class, PhotoControllerTest.PhotoLimits.class})
class PhotoControllerTest {

    static final String XLT_UNIT = "兴隆台区生态环境分局";
    static final String CITIZEN = TestTokens.of("citizen-1", "citizen");
    static final String OTHER_CITIZEN = TestTokens.of("citizen-2", "citizen");
    static final String OPERATOR = TestTokens.of("operator1", "hotline_operator");
    static final String XLT = TestTokens.unit("handler-xlt", XLT_UNIT, "complaint_handler");
    static final String DW = TestTokens.unit("handler-dw", "大洼区生态环境分局", "complaint_handler");
    static final String ENTERPRISE = TestTokens.enterprise("ent-a", "91211103MA0GA0001Y");
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};

    /** The photo limits bound from the service's configuration, as in the application. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PhotoProperties.class)
    static class PhotoLimits {
    }

    @Autowired
    WebTestClient web;
    @MockitoBean
    Photos photos;

    private Complaint complaint;
    private Photos.PhotoInfo stored;

    /** A complaint of citizen-1's dispatched to the 兴隆台区 branch, with one PNG photo. */
    @BeforeEach
    void aDispatchedComplaintWithOnePhoto() {
        complaint = Complaint.register(UUID.randomUUID(), "HB20260302-ABCDEFGH", "citizen-1", Channel.WEB,
                new ComplaintFacts(ComplaintType.COMPLAINT, Category.AIR, "夜间烟囱冒黑烟", "兴隆台区", null, null,
                        null), NOW, LocalDate.of(2026, 3, 23)).complaint().dispatch(XLT_UNIT, NOW).complaint();
        stored = new Photos.PhotoInfo(UUID.randomUUID(), "image/png", PNG.length, Photos.sha256(PNG), NOW);
        when(photos.add(eq(complaint.id()), any(), any())).thenAnswer(call -> {
            byte[] data = call.getArgument(1);
            return Mono.justOrEmpty(Photos.contentType(data))
                    .switchIfEmpty(Mono.error(new DomainException.RuleViolation("photo-type", "file",
                            "a photo must be a JPEG or PNG image that decodes")))
                    .flatMap(type -> visibleTo(call.getArgument(2)).thenReturn(
                            new Photos.PhotoInfo(UUID.randomUUID(), type, data.length, Photos.sha256(data), NOW)));
        });
        when(photos.list(eq(complaint.id()), any())).thenAnswer(call -> visibleTo(call.getArgument(1))
                .thenMany(Flux.just(stored)));
        when(photos.get(eq(complaint.id()), any(), any())).thenAnswer(call -> {
            UUID photoId = call.getArgument(1);
            return visibleTo(call.getArgument(2)).then(photoId.equals(stored.id())
                    ? Mono.just(new Photos.Photo("image/png", PNG))
                    : Mono.error(new DomainException.NotFound("photo", photoId.toString())));
        });
    }

    /** What the use cases do first: the complaint if this caller may see it, else not found. */
    private Mono<Complaint> visibleTo(CurrentUser reader) {
        return ComplaintAccess.mayRead(complaint, reader) ? Mono.just(complaint)
                : Mono.error(new DomainException.NotFound("complaint", complaint.id().toString()));
    }

    private WebTestClient.ResponseSpec upload(String token, String part, byte[] data) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part(part, data).filename("smoke.png").contentType(MediaType.IMAGE_PNG);
        return web.post().uri("/api/complaints/" + complaint.id() + "/photos")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    private WebTestClient.ResponseSpec get(String token, String path) {
        return web.get().uri("/api/complaints/" + complaint.id() + "/photos" + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    @Test
    void theFilerAddsAPhotoAndIsToldItsTypeSizeAndHash() {
        upload(CITIZEN, "file", PNG).expectStatus().isCreated().expectBody()
                .jsonPath("$.contentType").isEqualTo("image/png")
                .jsonPath("$.sizeBytes").isEqualTo(16)
                .jsonPath("$.sha256").isEqualTo(Photos.sha256(PNG))
                .jsonPath("$.uploadedAt").isEqualTo("2026-03-02T02:00:00Z");
        ArgumentCaptor<byte[]> data = ArgumentCaptor.forClass(byte[].class);
        ArgumentCaptor<CurrentUser> uploader = ArgumentCaptor.forClass(CurrentUser.class);
        verify(photos).add(eq(complaint.id()), data.capture(), uploader.capture());
        assertThat(data.getValue()).containsExactly(PNG);
        assertThat(uploader.getValue().subject()).isEqualTo("citizen-1");
    }

    @Test
    void anotherCitizenGetsNotFoundAndAnOperatorAddsPhotosToAnyComplaint() {
        upload(OTHER_CITIZEN, "file", PNG).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found")
                .jsonPath("$.resource").isEqualTo("complaint");
        upload(OPERATOR, "file", PNG).expectStatus().isCreated();
    }

    @Test
    void handlersAndEnterprisesMayNotAddPhotosAndNobodyDoesWithoutAToken() {
        upload(XLT, "file", PNG).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:forbidden");
        upload(ENTERPRISE, "file", PNG).expectStatus().isForbidden();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", PNG).filename("smoke.png");
        web.post().uri("/api/complaints/" + complaint.id() + "/photos").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:unauthorized");
        web.get().uri("/api/complaints/" + complaint.id() + "/photos").exchange().expectStatus().isUnauthorized();
        verifyNoInteractions(photos);
    }

    @Test
    @DisplayName("PHOTO-DECODED-REENCODED: a file that is no image is a 400 problem naming the file")
    void aFileThatIsNoImageIsA400NamingTheFile() {
        upload(CITIZEN, "file", "GIF89a, or so it says".getBytes()).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:photo-type")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("file");
    }

    @Test
    void anUploadOverTheLimitIsA422NamingTheFileAndNeverReachesTheUseCase() {
        byte[] large = Arrays.copyOf(PNG, 1000);
        upload(CITIZEN, "file", large).expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:photo-too-large")
                .jsonPath("$.detail").isEqualTo("a photo may have at most 64 bytes")
                .jsonPath("$.errors[0].field").isEqualTo("file");
        verifyNoInteractions(photos);
    }

    @Test
    void anUploadWithoutItsFilePartOrNotMultipartIsRefusedAndNeverReachesTheUseCase() {
        upload(CITIZEN, "photo", PNG).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:malformed-request");
        web.post().uri("/api/complaints/" + complaint.id() + "/photos")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("file", "smoke.png")).exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:http-415");
        verifyNoInteractions(photos);
    }

    @Test
    void whoeverMaySeeTheComplaintSeesItsPhotosServedWithTheirStoredTypeAndNosniff() {
        get(CITIZEN, "").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(stored.id().toString());
        get(XLT, "/" + stored.id()).expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody(byte[].class).isEqualTo(PNG);
        get(DW, "").expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found");
        get(OTHER_CITIZEN, "/" + stored.id()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.resource").isEqualTo("complaint");
        UUID unknown = UUID.randomUUID();
        get(OPERATOR, "/" + unknown).expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.resource").isEqualTo("photo")
                .jsonPath("$.detail").isEqualTo("photo " + unknown + " does not exist");
    }

    @Test
    void enterprisesNeverReachThePhotosOfAComplaint() {
        get(ENTERPRISE, "").expectStatus().isForbidden();
        get(ENTERPRISE, "/" + stored.id()).expectStatus().isForbidden();
        verifyNoInteractions(photos);
    }
}
