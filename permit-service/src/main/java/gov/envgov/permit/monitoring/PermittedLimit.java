package gov.envgov.permit.monitoring;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A permitted concentration of an outlet's pollutant, the standard that sets it, and the days it applies. */
record PermittedLimit(String outlet, String pollutant, double concentration, @Nullable String standard,
                      LocalDate validFrom, LocalDate validTo) {

    boolean appliesOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
