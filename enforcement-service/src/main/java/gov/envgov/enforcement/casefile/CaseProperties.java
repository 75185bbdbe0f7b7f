package gov.envgov.enforcement.casefile;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The numbers of the case procedure ({@code envgov.enforcement.case}, DOMAIN.md § Enforcement; (B) where marked
 * there). Working days where the law says days (行政处罚法 Art 85), calendar days for payment and the decision period.
 *
 * @param filingWorkingDays a clue is decided (立案 or not) within this many working days
 * @param hearingRequestWorkingDays a hearing is requested within this many working days of the notice
 * @param hearingNoticeWorkingDays a hearing is notified at least this many working days ahead
 * @param serviceWorkingDays a decision is served within this many working days
 * @param decisionDays a decision within this many days of filing (calendar days, the clock pausing for a hearing)
 * @param paymentDays a fine is paid within this many calendar days of service
 * @param lateSurchargePercentPerDay surcharge per day of late payment (加处罚款), capped at the fine
 * @param hearingThresholdOrganisation a fine of at least this entitles an organisation to a hearing
 * @param hearingThresholdIndividual a fine of at least this entitles an individual to a hearing
 * @param simpleProcedureOrganisation the simple procedure covers fines up to this for organisations
 * @param simpleProcedureIndividual the simple procedure covers fines up to this for individuals
 * @param limitationYears the limitation period (2 years; 5 where life, health or financial security is harmed)
 * @param limitationYearsHarm the limitation period where life, health or financial security is harmed
 * @param hearingKinds penalty kinds that entitle the party to a hearing whatever the fine (吊销, 停产停业, 关闭 …)
 * @param decisionExtensionDays one extension of the decision period adds this many days
 * @param decisionExtensions how many extensions there may be (the last one decided collectively)
 * @param reviewDays the party may apply for administrative review within this many days of service
 * @param lawsuitMonths the party may sue within this many months of service
 * @param demandMinDays a written demand (催告) gives at least this many days to pay
 * @param courtApplicationMonths the court is applied to within this many months after the lawsuit period ends
 * @param decisionNumberFormat the decision number (决定书文号) from the year and its count, as a format string
 */
@ConfigurationProperties("envgov.enforcement.case")
public record CaseProperties(int filingWorkingDays, int hearingRequestWorkingDays, int hearingNoticeWorkingDays,
                             int serviceWorkingDays, int decisionDays, int paymentDays,
                             BigDecimal lateSurchargePercentPerDay, BigDecimal hearingThresholdOrganisation,
                             BigDecimal hearingThresholdIndividual, BigDecimal simpleProcedureOrganisation,
                             BigDecimal simpleProcedureIndividual, int limitationYears, int limitationYearsHarm,
                             List<PenaltyKind> hearingKinds, int decisionExtensionDays, int decisionExtensions,
                             int reviewDays, int lawsuitMonths, int demandMinDays, int courtApplicationMonths,
                             String decisionNumberFormat) {

    public CaseProperties {
        hearingKinds = hearingKinds == null ? List.of() : List.copyOf(hearingKinds);
    }
}
