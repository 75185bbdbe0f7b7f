package gov.envgov.enforcement.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The shipped catalogue and the rules that choose a unit's checklist from it. */
class ItemCatalogueTest {

    static final LegalCitation ART_17 = new LegalCitation("排污许可管理条例", "2021", "第十七条",
            LocalDate.of(2021, 3, 1), null);

    private final ItemCatalogue shipped = shipped();

    static ItemCatalogue shipped() {
        try {
            return new CatalogueService(JsonMapper.builder().build()).catalogue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void enfItemAppliesByManagementClassAndIndustryPrefix() {
        InspectionItem voc = new InspectionItem("JC-VOC", ItemKind.INSPECTION, "VOC", "", List.of(ART_17),
                List.of("KEY", "SIMPLIFIED"), List.of("C25", "C26"));
        assertThat(voc.appliesTo("KEY", "C2511")).isTrue();
        assertThat(voc.appliesTo("SIMPLIFIED", "C2614")).isTrue();
        assertThat(voc.appliesTo("KEY", "C3011")).isFalse();
        assertThat(voc.appliesTo("KEY", null)).isFalse();
        assertThat(voc.appliesTo("REGISTRATION", "C2511")).isFalse();
        InspectionItem everyone = new InspectionItem("X", ItemKind.INSPECTION, "x", "", List.of(ART_17), List.of(),
                List.of());
        assertThat(everyone.appliesTo("REGISTRATION", null)).isTrue();
    }

    @Test
    void enfItemChecklistIsTheInspectionItemsOfTheUnitsClassAndIndustry() {
        List<String> keyRefinery = shipped.checklistFor("KEY", "C2511").stream().map(InspectionItem::id).toList();
        assertThat(keyRefinery).contains("JC-PERMIT-HOLDING", "JC-ONLINE-MONITORING", "JC-HAZARDOUS-WASTE", "JC-VOC")
                .doesNotContain("JC-REGISTRATION", "CF-OVER-LIMIT", "QZ-SEAL");
        List<String> simplifiedFood = shipped.checklistFor("SIMPLIFIED", "C1391").stream().map(InspectionItem::id)
                .toList();
        assertThat(simplifiedFood).contains("JC-PERMIT-COMPLIANCE").doesNotContain("JC-ONLINE-MONITORING", "JC-VOC",
                "JC-HAZARDOUS-WASTE");
        assertThat(shipped.checklistFor("REGISTRATION", null)).extracting(InspectionItem::id)
                .containsExactly("JC-REGISTRATION");
    }

    @Test
    void everyShippedItemCitesItsLegalBasisAsData() {
        assertThat(shipped.version()).isEqualTo("PJ-2026-1");
        assertThat(shipped.items()).allSatisfy(item -> {
            assertThat(item.legalBasis()).isNotEmpty();
            assertThat(item.legalBasis()).allSatisfy(citation -> {
                assertThat(citation.law()).isNotBlank();
                assertThat(citation.article()).startsWith("第");
                assertThat(citation.appliesOn(LocalDate.of(2026, 12, 1))).isTrue();
            });
        });
        assertThat(shipped.find("JC-PERMIT-COMPLIANCE").orElseThrow().legalBasisText())
                .isEqualTo("排污许可管理条例（2021）第十七条");
        assertThat(shipped.filter(ItemKind.PENALTY, null, null)).isNotEmpty()
                .allSatisfy(item -> assertThat(item.kind()).isEqualTo(ItemKind.PENALTY));
    }

    @Test
    void aCatalogueWithoutABasisOrWithTheSameIdTwiceIsRefused() {
        InspectionItem item = new InspectionItem("A", ItemKind.INSPECTION, "a", "", List.of(ART_17), List.of(),
                List.of());
        assertThatThrownBy(() -> new ItemCatalogue("v", LocalDate.of(2026, 1, 1), List.of(item, item)))
                .hasMessageContaining("twice");
        InspectionItem noBasis = new InspectionItem("B", ItemKind.INSPECTION, "b", "", List.of(), List.of(),
                List.of());
        assertThatThrownBy(() -> new ItemCatalogue("v", LocalDate.of(2026, 1, 1), List.of(noBasis)))
                .hasMessageContaining("no legal basis");
    }
}
