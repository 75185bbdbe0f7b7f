package gov.envgov.enforcement.positivelist;

import java.time.LocalDate;

/** A unit on the positive list as the public reads it (正面清单公示). */
public record ListedUnit(String enterpriseCode, String name, String district, LocalDate listedOn,
                         LocalDate listedUntil) {
}
