package gov.envgov.complaint.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DuplicateFinderTest {

    @Test
    void similarChineseReportsScoreHighAndDifferentOnesLow() {
        assertThat(DuplicateFinder.similarity("化工厂夜间排放刺鼻气体，味道很大", "化工厂晚上排放刺鼻气体味道很大"))
                .isGreaterThan(0.5);
        assertThat(DuplicateFinder.similarity("化工厂夜间排放刺鼻气体", "河道发黑发臭")).isLessThan(0.1);
        assertThat(DuplicateFinder.similarity("", "河道")).isZero();
    }

    @Test
    void distancesAreGreatCircleMeters() {
        double meters = DuplicateFinder.distanceMeters(new Location(122.07, 41.12), new Location(122.071, 41.1205));
        assertThat(meters).isCloseTo(99, within(5.0));
    }
}
