package gov.envgov.enforcement.inspection;

import java.time.LocalDate;

import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.domain.DomainException;

/** The rules of inspections with their numbers from {@link InspectionProperties}. Pure. */
public final class InspectionRules {

    private final InspectionProperties properties;
    private final WorkingDayCalendar calendar;

    public InspectionRules(InspectionProperties properties, WorkingDayCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    /**
     * ENF-INSPECTION-OFF-SITE-FIRST: a unit on the positive list (正面清单) is inspected off site first; on site only
     * for a stated reason. Other units are inspected on site unless the inspectors choose otherwise.
     */
    public InspectionMode mode(boolean positiveList, InspectionMode requested, String onSiteReason) {
        InspectionMode mode = requested != null ? requested
                : positiveList ? InspectionMode.OFF_SITE : InspectionMode.ON_SITE;
        if (positiveList && mode == InspectionMode.ON_SITE && (onSiteReason == null || onSiteReason.isBlank())) {
            throw new DomainException.RuleViolation("off-site-first", "onSiteReason", "the unit is on the positive"
                    + " list: it is inspected off site first, on site only for a stated reason");
        }
        return mode;
    }

    /** ENF-INSPECTION-EVIDENCE: evidence files up to the configured size are stored with their SHA-256. */
    public void requireEvidenceSize(long bytes) {
        if (bytes < 1) {
            throw new DomainException.RuleViolation("evidence-empty", "file", "an evidence file has content");
        }
        if (bytes > properties.evidenceMaxSize().toBytes()) {
            throw new DomainException.RuleViolation("evidence-too-large", "file", "an evidence file is at most "
                    + properties.evidenceMaxSize().toBytes() + " bytes; this one has " + bytes);
        }
    }

    public long evidenceMaxBytes() {
        return properties.evidenceMaxSize().toBytes();
    }

    /** ENF-INSPECTION-RESULTS: the last working day to publish an inspection's results (20 working days after). */
    public LocalDate resultsDue(LocalDate completedOn) {
        return calendar.plusWorkingDays(completedOn, properties.resultsWorkingDays());
    }
}
