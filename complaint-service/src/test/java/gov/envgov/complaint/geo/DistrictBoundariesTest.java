package gov.envgov.complaint.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** O311-DISTRICT-FROM-LOCATION and O311-OUTSIDE-CITY over the boundary file the service ships. */
class DistrictBoundariesTest {

    static final List<String> DISTRICTS = List.of("双台子区", "兴隆台区", "大洼区", "盘山县", "辽东湾新区");

    private final DistrictBoundaries boundaries = new DistrictBoundaries(
            DistrictBoundaries.read(DistrictBoundaries.RESOURCE), DISTRICTS);

    @Test
    @DisplayName("O311-DISTRICT-FROM-LOCATION: a point well inside a district names it")
    void aPointWellInsideADistrictNamesIt() {
        assertThat(boundaries.districtAt(122.07, 41.12)).contains("兴隆台区");
        assertThat(boundaries.districtAt(122.06, 41.20)).contains("双台子区");
        assertThat(boundaries.districtAt(122.20, 40.98)).contains("大洼区");
        assertThat(boundaries.districtAt(121.88, 40.80)).contains("辽东湾新区");
        assertThat(boundaries.districtAt(121.80, 41.30)).contains("盘山县");
    }

    @Test
    @DisplayName("O311-OUTSIDE-CITY: a point outside every district is outside the city")
    void aPointOutsideEveryDistrictIsOutsideTheCity() {
        assertThat(boundaries.districtAt(116.40, 39.90)).isEmpty();
        assertThat(boundaries.districtAt(123.43, 41.80)).isEmpty();
        assertThat(boundaries.districtAt(121.40, 41.00)).isEmpty();
    }

    @Test
    @DisplayName("O311-DISTRICT-FROM-LOCATION: the districts do not overlap and each belongs to the city")
    void theDistrictsDoNotOverlap() {
        for (double lon = 121.40; lon <= 122.60; lon += 0.013) {
            for (double lat = 40.50; lat <= 41.50; lat += 0.011) {
                double x = lon;
                double y = lat;
                long holding = boundaries.boundaries().stream()
                        .filter(boundary -> DistrictBoundaries.contains(boundary.ring(), x, y)).count();
                assertThat(holding).as("districts holding %s, %s", x, y).isLessThanOrEqualTo(1);
            }
        }
        assertThat(boundaries.boundaries()).extracting(DistrictBoundaries.Boundary::district)
                .containsExactlyInAnyOrderElementsOf(DISTRICTS);
        assertThatThrownBy(() -> new DistrictBoundaries(DistrictBoundaries.read(DistrictBoundaries.RESOURCE),
                List.of("兴隆台区"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("O311-DISTRICT-FROM-LOCATION: the boundary file says it is coarse, where it comes from and how to"
            + " update it")
    void theBoundaryFileSaysWhereItComesFrom() throws Exception {
        try (InputStream in = new ClassPathResource(DistrictBoundaries.RESOURCE).getInputStream()) {
            JsonNode file = JsonMapper.builder().build().readTree(in);
            assertThat(file.get("coarse").asBoolean()).isTrue();
            assertThat(file.get("source").asString()).contains("GB/T 2260");
            assertThat(file.get("howToUpdate").asString()).isNotBlank();
        }
    }

    @Test
    @DisplayName("O311-DISTRICT-FROM-ADDRESS: an address naming one district names it; none or two name none")
    void anAddressNamingOneDistrictNamesIt() {
        assertThat(boundaries.districtNamedIn("盘锦市兴隆台区石油大街 1 号")).contains("兴隆台区");
        assertThat(boundaries.districtNamedIn("辽东湾新区荣兴街道")).contains("辽东湾新区");
        assertThat(boundaries.districtNamedIn("石油大街 1 号")).isEmpty();
        assertThat(boundaries.districtNamedIn("大洼区与盘山县交界处")).isEmpty();
    }
}
