package gov.envgov.enforcement.catalogue;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.enforcement.platform.EnforcementWebSlice;

/** The published catalogue: readable without a login, filtered by kind, class and industry. */
@WebFluxTest(controllers = PublicCatalogueController.class)
@Import({EnforcementWebSlice.class, CatalogueService.class})
class PublicCatalogueControllerTest {

    @Autowired
    WebTestClient web;

    @Test
    void anyoneReadsTheItemsThatApplyToAUnitWithTheirLegalBasis() {
        web.get().uri("/api/public/inspections/items?kind=INSPECTION&managementClass=REGISTRATION").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo("PJ-2026-1")
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].id").isEqualTo("JC-REGISTRATION")
                .jsonPath("$.items[1].id").isEqualTo("JC-HAZARDOUS-WASTE")
                .jsonPath("$.items[0].legalBasis[0].law").isEqualTo("排污许可管理条例")
                .jsonPath("$.items[0].legalBasis[0].article").isEqualTo("第二十四条");
        web.get().uri("/api/public/inspections/items?kind=INSPECTION&managementClass=REGISTRATION&industry=C1391")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1);
        web.get().uri("/api/public/inspections/items/JC-VOC").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.industries[0]").isEqualTo("C25");
        web.get().uri("/api/public/inspections/items/NOPE").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.type").isEqualTo("urn:envgov:problem:not-found");
        web.get().uri("/api/public/inspections/items?kind=WHATEVER").exchange().expectStatus().isBadRequest();
    }
}
