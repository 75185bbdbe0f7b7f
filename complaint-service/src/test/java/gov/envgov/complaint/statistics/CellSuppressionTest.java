package gov.envgov.complaint.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CellSuppressionTest {

    private static Map<String, Long> cells(Object... pairs) {
        Map<String, Long> cells = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            cells.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return cells;
    }

    @Test
    @DisplayName("CMP-STATS-SUPPRESSION: a small cell is null and named, never 0; a true zero stays 0")
    void cmpStatsSuppressionShowsSmallCellsAsNull() {
        CellSuppression cells = new CellSuppression(5);
        assertThat(cells.count("total", 3)).isNull();
        assertThat(cells.count("total", 0)).isZero();
        assertThat(cells.count("total", 12)).isEqualTo(12);
        assertThat(cells.suppressed()).containsExactly("total");
    }

    @Test
    @DisplayName("CMP-STATS-SUPPRESSION: one small cell in a group takes the next smallest with it")
    void cmpStatsSuppressionOfALoneSmallCellSuppressesTheNextOneToo() {
        CellSuppression cells = new CellSuppression(5);
        Map<String, Long> shown = cells.group("byCategory", cells("AIR", 20, "NOISE", 2, "WATER", 7));
        assertThat(shown).containsEntry("AIR", 20L).containsEntry("NOISE", null).containsEntry("WATER", null);
        assertThat(cells.suppressed()).containsExactly("byCategory.NOISE", "byCategory.WATER");

        CellSuppression two = new CellSuppression(5);
        assertThat(two.group("byDistrict", cells("A", 20, "B", 2, "C", 1, "D", 7)))
                .containsEntry("D", 7L).containsEntry("B", null).containsEntry("C", null);
    }

    @Test
    @DisplayName("CMP-STATS-SUPPRESSION: a part is suppressed when the rest of its published whole is small")
    void cmpStatsSuppressionOfAPartWhoseComplementIsSmall() {
        CellSuppression cells = new CellSuppression(5);
        assertThat(cells.part("onTime", 18, 20L)).isNull();
        assertThat(cells.part("onTime", 10, 20L)).isEqualTo(10);
        assertThat(cells.part("solved", 10, null)).isEqualTo(10);
        assertThat(cells.part("solved", 20, 20L)).isEqualTo(20);
    }

    @Test
    void theStaffReportSuppressesNothing() {
        CellSuppression cells = new CellSuppression(0);
        assertThat(cells.count("total", 1)).isEqualTo(1);
        assertThat(cells.group("byCategory", cells("AIR", 1))).containsEntry("AIR", 1L);
        assertThat(cells.suppressed()).isEmpty();
    }
}
