package gov.envgov.enforcement.positivelist;

import java.time.LocalDate;
import java.util.List;

import gov.envgov.support.events.PublishedEvent;

/**
 * A unit entered or left the positive list (正面清单), published on enforcement-service's feed. {@code reasons} are
 * the rules it broke when it left ({@code penalty}, {@code incident}, {@code report}, {@code monitoring}), or
 * {@code listed} / {@code renewed} when it entered.
 *
 * @param listedUntil the end of the term when it entered; null when it left
 */
public record PositiveListChanged(String enterpriseCode, boolean listed, LocalDate changedOn, LocalDate listedUntil,
                                  List<String> reasons) implements PublishedEvent {

    public PositiveListChanged {
        reasons = List.copyOf(reasons);
    }

    @Override
    public String aggregateType() {
        return "positive-list";
    }

    @Override
    public String aggregateId() {
        return enterpriseCode;
    }
}
