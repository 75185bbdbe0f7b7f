package gov.envgov.enforcement.positivelist;

import java.time.LocalDate;

/**
 * What the service knows of a unit that the positive list's rules read: from its cases (penalties), its clues
 * (incidents and missing reports, from permit- and complaint-service's feeds and from inspections) and its completed
 * inspections (the automatic-monitoring item). Each date is the latest such day, or null when there was none.
 *
 * @param monitoringPassedOn the last completed inspection that passed a monitoring item
 * @param monitoringFailedOn the last completed inspection that failed one
 */
public record UnitRecord(String code, String managementClass, LocalDate lastPenaltyOn, LocalDate lastIncidentOn,
                         LocalDate lastReportMissedOn, LocalDate monitoringPassedOn, LocalDate monitoringFailedOn) {
}
