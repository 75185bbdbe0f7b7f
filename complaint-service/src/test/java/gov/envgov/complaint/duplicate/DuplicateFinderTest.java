package gov.envgov.complaint.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintFacts;
import gov.envgov.complaint.complaint.ComplaintProperties;
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.complaint.complaint.Location;

class DuplicateFinderTest {

    private static final DuplicateFinder FINDER = new DuplicateFinder(
            new ComplaintProperties.Duplicates(Duration.ofDays(7), 500, 0.25, 3, 100));

    private static Complaint complaint(Category category, String text) {
        return Complaint.register(UUID.randomUUID(), "HB20260302-" + UUID.randomUUID(), "citizen-1", Channel.WEB,
                new ComplaintFacts(ComplaintType.COMPLAINT, category, text, "兴隆台区", null, null,
                        new Location(122.07, 41.12)),
                Instant.parse("2026-03-02T02:00:00Z"), LocalDate.of(2026, 3, 23)).complaint();
    }

    private static List<Complaint> masters(List<DuplicateFinder.Candidate> candidates) {
        return candidates.stream().map(DuplicateFinder.Candidate::master).toList();
    }

    @Test
    void similarChineseReportsScoreHighAndDifferentOnesLow() {
        // 11 bigrams shared of 17 distinct: the punctuation does not count, "夜间" and "晚上" differ.
        assertThat(DuplicateFinder.similarity("化工厂夜间排放刺鼻气体，味道很大", "化工厂晚上排放刺鼻气体味道很大"))
                .isEqualTo(11.0 / 17);
        assertThat(DuplicateFinder.similarity("化工厂夜间排放刺鼻气体", "河道发黑发臭")).isZero();
        assertThat(DuplicateFinder.similarity("", "河道")).isZero();
    }

    @Test
    void distancesAreGreatCircleMeters() {
        double meters = DuplicateFinder.distanceMeters(new Location(122.07, 41.12), new Location(122.071, 41.1205));
        assertThat(meters).isCloseTo(99, within(5.0));
    }

    @Test
    void theMostSimilarAreProposedFirstAsManyAsConfiguredAndNeverTheComplaintItself() {
        Complaint complaint = complaint(Category.ODOUR, "化工厂夜间排放刺鼻气体味道很大");
        Complaint same = complaint(Category.ODOUR, "化工厂夜间排放刺鼻气体味道很大");
        Complaint close = complaint(Category.ODOUR, "化工厂晚上排放刺鼻气体味道很大");
        Complaint closer = complaint(Category.ODOUR, "化工厂夜间排放刺鼻气体味道大");
        Complaint farther = complaint(Category.ODOUR, "化工厂排放气体");
        Complaint otherCategory = complaint(Category.WATER, "化工厂夜间排放刺鼻气体味道很大");
        Complaint unlike = complaint(Category.ODOUR, "河道发黑发臭");

        assertThat(masters(FINDER.candidates(complaint,
                List.of(complaint, farther, close, otherCategory, unlike, closer, same))))
                .containsExactly(same, closer, close);
    }

    @Test
    void comparingPageByPageProposesWhatComparingAllAtOnceWould() {
        Complaint complaint = complaint(Category.NOISE, "工地夜间施工噪声扰民");
        List<Complaint> pool = new ArrayList<>();
        for (String text : List.of("工地夜间施工噪声", "工地夜间施工噪声扰民严重", "夜间施工噪声扰民", "工地施工噪声扰民",
                "工地夜间施工", "夜间施工噪声扰民工地")) {
            pool.add(complaint(Category.NOISE, text));
        }
        List<DuplicateFinder.Candidate> atOnce = FINDER.candidates(complaint, pool);
        List<DuplicateFinder.Candidate> byPage = FINDER.merge(
                FINDER.merge(FINDER.candidates(complaint, pool.subList(0, 2)),
                        FINDER.candidates(complaint, pool.subList(2, 4))),
                FINDER.candidates(complaint, pool.subList(4, 6)));
        assertThat(masters(byPage)).hasSize(3).containsExactlyElementsOf(masters(atOnce));
    }
}
