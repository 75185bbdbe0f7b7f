package gov.envgov.permit.permit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The permit rules' numbers (DOMAIN.md § Permits), from configuration so that a city or a new regulation can change
 * them without code.
 *
 * @param completenessWorkingDays  working days a reviewer has to ask for a supplement; silence means accepted
 * @param decisionWorkingDays      working days from acceptance to the decision, by class
 * @param siteCheckWorkingDays     the same when a site check is needed
 * @param renewalWorkingDays       working days to decide a renewal
 * @param validityYears            how long an issued permit is valid
 * @param renewalDeadlineDays      the last day to apply for renewal is this many days before the last valid day;
 *                                 there is no earliest day
 * @param lateRenewal              what a renewal request after that last day becomes
 * @param renewalReminderDays      reminders before the last day to apply for renewal, in days
 * @param numberSuffix             appended to the holder's credit code to form the permit number
 * @param legalBases               citations a permit may be ended on, by id
 * @param clockBatchSize           how many permits the clocks (deemed acceptance, reminders, expiry) read at a time;
 *                                 they go on batch after batch until none is left
 * @param reapplicationBanYears    after 撤销 or 吊销 no new permit for this many years (B)
 */
@ConfigurationProperties("envgov.permit")
public record PermitProperties(int completenessWorkingDays, Map<PermitClass, Integer> decisionWorkingDays,
                               int siteCheckWorkingDays, int renewalWorkingDays, int validityYears,
                               int renewalDeadlineDays, LateRenewal lateRenewal,
                               List<Integer> renewalReminderDays, String numberSuffix,
                               Map<String, LegalBasis> legalBases, int clockBatchSize, int reapplicationBanYears) {

    /** A renewal request after the last day to apply: refused, or taken as a new application (B: a setting). */
    public enum LateRenewal { REFUSE, NEW_APPLICATION }

    public PermitProperties {
        lateRenewal = lateRenewal == null ? LateRenewal.REFUSE : lateRenewal;
        if (clockBatchSize < 1) {
            throw new IllegalArgumentException("envgov.permit.clock-batch-size must be at least 1");
        }
    }

    /**
     * A legal citation as data: which law, which version, which article, when it applies, and which ends of a
     * permit it can justify.
     */
    public record LegalBasis(String law, String version, String article, LocalDate effectiveFrom,
                             LocalDate effectiveTo, List<PermitStatus> justifies) {

        public boolean appliesOn(LocalDate day) {
            return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
        }

        public String citation() {
            return law + " (" + version + ") " + article;
        }
    }
}
