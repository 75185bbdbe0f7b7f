package gov.envgov.permit.disclosure;

import static gov.envgov.permit.testing.PermitApi.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import gov.envgov.permit.testing.PermitApi;
import gov.envgov.support.code.UnifiedSocialCreditCode;
import gov.envgov.support.testing.ServiceTest;
import gov.envgov.support.testing.TestPostgres;

/**
 * PERF-PERMIT-SEARCH: the public search by any part of the holder's name through the bigram index, against a real
 * PostgreSQL, with totals counted exactly up to 25 here and estimated beyond.
 */
@ServiceTest(properties = {"eureka.client.enabled=false", "envgov.events.consumer.enabled=false",
        "envgov.permit.lists.exact-total-up-to=25"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPermitSearchIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestPostgres.newDatabase("permit_search").register(registry);
    }

    @Autowired
    WebTestClient web;

    PermitApi api;

    static String code(int i) {
        return UnifiedSocialCreditCode.complete(String.format("91211102MA0T%05d", i));
    }

    /** Holders by their index; codes, and so permit numbers, ascend with it. */
    static String name(int i) {
        if (i < 30) {
            return "盘锦辽河石化有限公司" + i;
        }
        if (i < 40) {
            return "盘锦红海滩食品有限公司" + i;
        }
        return List.of("盘锦Liaohe辽河化工有限公司", "盘锦辽河河化有限公司", "盘锦鹤乡食品有限公司", "盘锦辽河化工二厂").get(i - 40);
    }

    @BeforeAll
    void issuePermits() {
        api = new PermitApi(web);
        List<Map<String, Object>> units = IntStream.range(0, 44)
                .mapToObj(i -> PermitApi.unit(code(i), name(i), i >= 30 && i < 40 ? "大洼区" : "兴隆台区", "KEY"))
                .toList();
        api.post(ADMIN, "/api/enterprises/import", Map.of("enterprises", units)).expectStatus().isOk()
                .expectBody().jsonPath("$.registered").isEqualTo(44);
        List<Map<String, Object>> permits = IntStream.range(0, 44)
                .mapToObj(i -> Map.<String, Object>of("enterpriseCode", code(i), "content", PermitApi.content(50, 12),
                        "validFrom", "2026-03-10"))
                .toList();
        api.post(ADMIN, "/api/permits/import", Map.of("permits", permits)).expectStatus().isOk()
                .expectBody().jsonPath("$.imported").isEqualTo(44);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> search(String query) {
        return api.get(null, "/api/public/permits?" + query).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    private static List<String> codes(Map<String, Object> page) {
        return items(page).stream().map(item -> (String) item.get("enterpriseCode")).toList();
    }

    private static List<String> codes(int... indexes) {
        return IntStream.of(indexes).mapToObj(PublicPermitSearchIT::code).toList();
    }

    @Test
    @DisplayName("PERF-PERMIT-SEARCH: a two-character Chinese query finds every holder containing it, in number "
            + "order, and past the cap says its total is an estimate")
    void aTwoCharacterQueryFindsEveryHolderContainingItAndEstimatesALongTotal() {
        Map<String, Object> first = search("q=辽河&size=20");
        Map<String, Object> second = search("q=辽河&size=20&page=1");
        List<String> found = new ArrayList<>(codes(first));
        found.addAll(codes(second));
        assertThat(found).isEqualTo(Stream.concat(IntStream.range(0, 30).boxed(), Stream.of(40, 41, 43))
                .map(PublicPermitSearchIT::code).toList());
        assertThat(first).containsEntry("totalExact", false).containsEntry("page", 0).containsEntry("size", 20);
        assertThat(((Number) first.get("total")).longValue()).isGreaterThan(25);
        assertThat(second).containsEntry("totalExact", false).containsEntry("total", first.get("total"));
        assertThat(codes(search("q=辽河&size=20&page=2"))).isEmpty();

        List<Map<String, Object>> firstItems = items(first);
        Map<String, Object> behind = search("q=辽河&size=20&after=" + firstItems.get(firstItems.size() - 1).get("id"));
        assertThat(items(behind)).isEqualTo(items(second));
        assertThat(codes(search("q=辽河&size=5&after=" + items(second).get(9).get("id")))).isEqualTo(codes(40, 41, 43));
    }

    @Test
    @DisplayName("PERF-PERMIT-SEARCH: keyset pages follow the filters and an unknown permit ends the list")
    void keysetPagesFollowTheFilters() {
        List<Map<String, Object>> redBeach = items(search("q=红海滩&size=4"));
        assertThat(codes(search("q=红海滩&size=4&after=" + redBeach.get(3).get("id"))))
                .isEqualTo(codes(34, 35, 36, 37));
        assertThat(codes(search("after=00000000-0000-0000-0000-000000000001"))).isEmpty();
        api.get(null, "/api/public/permits?after=not-an-id").expectStatus().isBadRequest();
    }

    @Test
    @DisplayName("PERF-PERMIT-SEARCH: a longer query must occur as written; holding its bigrams is not enough")
    void aLongerQueryMatchesTheSubstringNotJustItsBigrams() {
        Map<String, Object> page = search("q=辽河化");
        assertThat(codes(page)).isEqualTo(codes(40, 43));
        assertThat(page).containsEntry("total", 2).containsEntry("totalExact", true);

        Map<String, Object> redBeach = search("q=红海滩&district=大洼区");
        assertThat(codes(redBeach)).isEqualTo(IntStream.range(30, 40).mapToObj(PublicPermitSearchIT::code).toList());
        assertThat(redBeach).containsEntry("total", 10).containsEntry("totalExact", true);
        assertThat(search("q=红海滩&district=兴隆台区")).containsEntry("total", 0).containsEntry("totalExact", true);
    }

    @Test
    @DisplayName("PERF-PERMIT-SEARCH: a mixed Latin and Chinese query matches in any letter case")
    void aMixedQueryMatchesInAnyLetterCase() {
        assertThat(codes(search("q=LIAOHE辽河"))).isEqualTo(codes(40));
        assertThat(codes(search("q=liaohe"))).isEqualTo(codes(40));
        assertThat(codes(search("q=  Liaohe辽河化工  "))).isEqualTo(codes(40));
    }

    @Test
    @DisplayName("PERF-PERMIT-SEARCH: a one-character query finds every holder containing that character")
    void aOneCharacterQueryFindsEveryHolderContainingIt() {
        Map<String, Object> crane = search("q=鹤");
        assertThat(codes(crane)).isEqualTo(codes(42));
        assertThat(crane).containsEntry("total", 1).containsEntry("totalExact", true);

        Map<String, Object> chemical = search("q=化&size=50");
        assertThat(codes(chemical)).isEqualTo(Stream.concat(IntStream.range(0, 30).boxed(), Stream.of(40, 41, 43))
                .map(PublicPermitSearchIT::code).toList());
        assertThat(chemical).containsEntry("totalExact", false);
        assertThat(codes(search("q=锦&size=50"))).hasSize(44);
    }

    @Test
    @DisplayName("PERF-PERMIT-SEARCH: credit code and permit number prefixes still match; no query counts all")
    void codeAndNumberPrefixesStillMatch() {
        assertThat(codes(search("q=" + code(7)))).isEqualTo(codes(7));
        assertThat(codes(search("q=" + code(7).toLowerCase() + "001p"))).isEqualTo(codes(7));
        Map<String, Object> all = search("size=5");
        assertThat(codes(all)).isEqualTo(codes(0, 1, 2, 3, 4));
        assertThat(all).containsEntry("totalExact", false);
        assertThat(((Number) all.get("total")).longValue()).isGreaterThan(25);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiDescriptionShowsWhetherTheTotalIsExact() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.schemas.PageResponsePublicPermitView.properties.totalExact.type")
                .isEqualTo("boolean")
                .jsonPath("$.components.schemas.PageResponsePublicPermitView.required").value(required ->
                        assertThat((List<Object>) required).contains("totalExact"));
    }
}
