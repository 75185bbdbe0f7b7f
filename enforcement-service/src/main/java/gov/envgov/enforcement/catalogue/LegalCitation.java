package gov.envgov.enforcement.catalogue;

import java.time.LocalDate;

/**
 * A legal citation as data (DOMAIN.md: never hard-code article numbers): which law, which version, which article,
 * and when it applies.
 *
 * @param effectiveTo the last day it applies, or null while it is in force
 */
public record LegalCitation(String law, String version, String article, LocalDate effectiveFrom,
                            LocalDate effectiveTo) {

    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** How a decision or a checklist cites it, e.g. {@code 排污许可管理条例（2021）第十七条}. */
    public String text() {
        return law + "（" + version + "）" + article;
    }
}
