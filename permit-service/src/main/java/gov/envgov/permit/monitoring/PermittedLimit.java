package gov.envgov.permit.monitoring;

import java.time.LocalDate;

/** A permitted concentration of an outlet's pollutant and the days it applies. */
record PermittedLimit(String outlet, String pollutant, double concentration, LocalDate validFrom,
                      LocalDate validTo) {

    boolean appliesOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
