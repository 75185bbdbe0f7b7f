package gov.envgov.complaint.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintFacts;
import gov.envgov.complaint.complaint.ComplaintProperties.RoutingRule;
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.support.domain.DomainException;

class RoutingRulesTest {

    private static final String UNIT = "兴隆台区生态环境分局";
    private static final RoutingRules RULES = new RoutingRules(List.of(
            new RoutingRule(null, null, "91211103MA0GA0001Y", "重点企业专班"),
            new RoutingRule(Category.RADIATION, null, null, "辐射科"),
            new RoutingRule(null, "兴隆台区", null, UNIT)), "执法队");

    private static Complaint complaint(Category category, String district) {
        return Complaint.register(UUID.randomUUID(), "HB20260302-ABCDEFGH", "citizen-1", Channel.WEB,
                new ComplaintFacts(ComplaintType.COMPLAINT, category, "夜间烟囱冒黑烟", district, null, null, null),
                Instant.parse("2026-03-02T02:00:00Z"), LocalDate.of(2026, 3, 23)).complaint();
    }

    @Test
    void routingRulesMatchCategoryDistrictAndEnterpriseFirstMatchWins() {
        assertThat(RULES.route(Category.AIR, "兴隆台区", "91211103MA0GA0001Y")).isEqualTo("重点企业专班");
        assertThat(RULES.route(Category.RADIATION, "兴隆台区", null)).isEqualTo("辐射科");
        assertThat(RULES.route(Category.AIR, "兴隆台区", null)).isEqualTo(UNIT);
        assertThat(RULES.route(Category.AIR, "大洼区", null)).isEqualTo("执法队");
        assertThat(RULES.knownUnits()).containsExactly("重点企业专班", "辐射科", UNIT, "执法队");
    }

    @Test
    void withoutAChosenUnitTheRulesPickOne() {
        assertThat(RULES.unitFor(complaint(Category.AIR, "兴隆台区"), null)).isEqualTo(UNIT);
        assertThat(RULES.unitFor(complaint(Category.AIR, "大洼区"), "  ")).isEqualTo("执法队");
    }

    @Test
    void anOperatorMayChooseAnotherUnitButOnlyAKnownOne() {
        assertThat(RULES.unitFor(complaint(Category.AIR, "兴隆台区"), " 辐射科 ")).isEqualTo("辐射科");
        assertThatThrownBy(() -> RULES.unitFor(complaint(Category.AIR, "兴隆台区"), "海淀区环保局"))
                .isInstanceOfSatisfying(DomainException.RuleViolation.class, refused -> {
                    assertThat(refused.code()).isEqualTo("unknown-unit");
                    assertThat(refused.field()).isEqualTo("unit");
                });
    }
}
