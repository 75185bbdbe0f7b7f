package gov.envgov.enforcement.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import gov.envgov.enforcement.catalogue.CatalogueService;
import gov.envgov.enforcement.platform.EnforcementWebSlice;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.testing.TestTokens;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

/** The inspection endpoints with the real security rules: who performs, what the enterprise and the public see. */
@WebFluxTest(controllers = {InspectionController.class, PublicInspectionController.class})
@Import({EnforcementWebSlice.class, CatalogueService.class})
class InspectionControllerTest {

    static final String UNIT = "91211103MA0GA0001Y";
    static final UUID TASK = UUID.fromString("7b0c7e9e-0000-4000-8000-000000000003");
    static final UUID ONE = UUID.fromString("7b0c7e9e-0000-4000-8000-0000000000a1");
    static final String INSPECTOR = "Bearer " + TestTokens.staff("inspector1", "兴隆台区", "inspector");
    static final String LEGAL = "Bearer " + TestTokens.staff("legal1", "兴隆台区", "legal_reviewer");
    static final String ENT_A = "Bearer " + TestTokens.enterprise("ent-a", UNIT);
    static final String ENT_B = "Bearer " + TestTokens.enterprise("ent-b", "91211104MA0GB00028");
    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Autowired
    WebTestClient web;
    @MockitoBean
    InspectionService inspections;
    @MockitoBean
    InspectionQueryService queries;

    final Inspection completed = new Inspection(TASK, UUID.randomUUID(), UNIT, List.of(ONE, UUID.randomUUID()),
            InspectionMode.ON_SITE, "群众举报夜间异味", InspectionStatus.COMPLETED, List.of(
            new CheckedItem("JC-PERMIT-COMPLIANCE", "按证排污情况检查", "排污许可管理条例（2021）第十七条",
                    ItemOutcome.FAILED, "DW001 排口未设置标志牌", "负责人拒绝签字，另案核查", ONE, NOW)),
            NOW, "inspector1", LocalDate.of(2026, 12, 1), InspectionResult.FAILED, LocalDate.of(2026, 12, 29),
            LocalDate.of(2026, 12, 1), 3);

    @BeforeEach
    void theServiceKeepsItsOwnershipRule() {
        when(queries.find(eq(TASK), any())).thenAnswer(call -> {
            CurrentUser reader = call.getArgument(1);
            return reader.isStaff() || reader.actsFor(UNIT) ? Mono.just(new InspectionQueryService.Found(completed,
                    List.of())) : Mono.error(new DomainException.NotFound("inspection", TASK.toString()));
        });
    }

    @Test
    void enfInspectionOwnershipTheEnterpriseSeesItsOwnWithoutNotesAndAnotherGetsNotFound() {
        byte[] own = web.get().uri("/api/enforcement/my/inspections/" + TASK).header(HttpHeaders.AUTHORIZATION, ENT_A)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.checklist[0].finding").isEqualTo("DW001 排口未设置标志牌")
                .jsonPath("$.checklist[0].note").doesNotExist()
                .jsonPath("$.checklist[0].checkedBy").doesNotExist()
                .jsonPath("$.inspectors").doesNotExist()
                .jsonPath("$.onSiteReason").doesNotExist()
                .returnResult().getResponseBody();
        assertThat(new String(own, StandardCharsets.UTF_8)).doesNotContain("负责人拒绝签字");
        web.get().uri("/api/enforcement/my/inspections/" + TASK).header(HttpHeaders.AUTHORIZATION, ENT_B).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found");
        web.get().uri("/api/enforcement/tasks/" + TASK + "/inspection").header(HttpHeaders.AUTHORIZATION, ENT_A)
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/enforcement/tasks/" + TASK + "/inspection").header(HttpHeaders.AUTHORIZATION, INSPECTOR)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.checklist[0].note").isEqualTo("负责人拒绝签字，另案核查")
                .jsonPath("$.onSiteReason").isEqualTo("群众举报夜间异味")
                .jsonPath("$.inspectors[0]").isEqualTo(ONE.toString());
        web.get().uri("/api/enforcement/my/inspections").header(HttpHeaders.AUTHORIZATION, INSPECTOR).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void onlyInspectorsPerformInspectionsAndNobodyWithoutAToken() {
        web.post().uri("/api/enforcement/tasks/" + TASK + "/inspection").header(HttpHeaders.AUTHORIZATION, ENT_A)
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/enforcement/tasks/" + TASK + "/inspection/completion")
                .header(HttpHeaders.AUTHORIZATION, LEGAL).exchange().expectStatus().isForbidden();
        web.post().uri("/api/enforcement/tasks/" + TASK + "/inspection/items/JC-A")
                .bodyValue(Map.of("outcome", "PASSED")).exchange().expectStatus().isUnauthorized();
        verifyNoInteractions(inspections);
    }

    @Test
    void aCheckWithoutOutcomeNamesTheFieldAndAFailedItemWithoutFindingItsRule() {
        web.post().uri("/api/enforcement/tasks/" + TASK + "/inspection/items/JC-A")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR).bodyValue(Map.of("finding", "x")).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("outcome");
        when(inspections.check(eq(TASK), eq("JC-A"), any(), any())).thenReturn(Mono.error(
                new DomainException.RuleViolation("finding-required", "finding",
                        "a failed item states what was found")));
        web.post().uri("/api/enforcement/tasks/" + TASK + "/inspection/items/JC-A")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR).bodyValue(Map.of("outcome", "FAILED")).exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:finding-required")
                .jsonPath("$.errors[0].field").isEqualTo("finding");
    }

    @Test
    void evidenceIsUploadedAsAFilePartAndATooLargeOneIsRefusedBeforeTheService() {
        when(inspections.evidenceMaxBytes()).thenReturn(8L);
        Evidence stored = Evidence.of(TASK, "JC-A", "photo.jpg", "image/jpeg",
                "abc".getBytes(StandardCharsets.UTF_8), "inspector1", NOW);
        when(inspections.addEvidence(eq(TASK), eq("JC-A"), eq("photo.jpg"), eq("image/jpeg"), any(), any()))
                .thenReturn(Mono.just(stored));
        web.post().uri("/api/enforcement/tasks/" + TASK + "/inspection/evidence?itemId=JC-A")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file("C:\\相机\\photo.jpg", "abc"))).exchange()
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.sha256").isEqualTo(stored.sha256())
                .jsonPath("$.size").isEqualTo(3);
        ArgumentCaptor<byte[]> bytes = ArgumentCaptor.forClass(byte[].class);
        verify(inspections).addEvidence(eq(TASK), eq("JC-A"), eq("photo.jpg"), eq("image/jpeg"), bytes.capture(),
                any());
        assertThat(new String(bytes.getValue(), StandardCharsets.UTF_8)).isEqualTo("abc");

        web.post().uri("/api/enforcement/tasks/" + TASK + "/inspection/evidence")
                .header(HttpHeaders.AUTHORIZATION, INSPECTOR).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file("big.jpg", "0123456789"))).exchange()
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:evidence-too-large")
                .jsonPath("$.errors[0].field").isEqualTo("file");
        verify(inspections, never()).addEvidence(eq(TASK), isNull(), eq("big.jpg"), any(), any(), any());
    }

    @Test
    void thePublicReadsResultsWithoutALoginAndWithoutInternalNotes() {
        when(queries.results(any())).thenReturn(Mono.just(new PageResponse<>(List.of(PublishedResult.of(completed,
                "盘锦示范化工有限公司", "兴隆台区")), 0, 20, 1)));
        byte[] body = web.get().uri("/api/public/inspections/results").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].enterpriseName").isEqualTo("盘锦示范化工有限公司")
                .jsonPath("$.items[0].result").isEqualTo("FAILED")
                .jsonPath("$.items[0].failedItems[0].finding").isEqualTo("DW001 排口未设置标志牌")
                .jsonPath("$.items[0].resultsDue").isEqualTo("2026-12-29")
                .returnResult().getResponseBody();
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("负责人拒绝签字").doesNotContain(
                ONE.toString()).doesNotContain("群众举报");
        web.get().uri("/api/public/inspections/results?size=500").exchange().expectStatus().isBadRequest();
    }

    private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> file(
            String name, String content) {
        MultipartBodyBuilder builder = new MultipartBodyBuilder();
        builder.part("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(MediaType.IMAGE_JPEG);
        return builder.build();
    }
}
