package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Checks readings against the limits of the permits valid on their day (the bureau's local day): a reading of an
 * outlet and pollutant a valid permit sets a limit for is checked against it; a reading of a unit that holds no valid
 * permit that day is kept, marked as without a permit (PERMIT-DISCHARGE-WITHOUT-PERMIT); any other is rejected with
 * the reason. Pure: the caller loads the limits.
 */
final class LimitCheck {

    private LimitCheck() {
    }

    /**
     * @param limits   the limits of each enterprise, by credit code
     * @param dayOf    the bureau's local day of an instant
     * @param rejected where readings without a limit are added, with their reason
     * @return the readings that have a limit, each checked against it, and those without a valid permit, marked
     */
    static List<CheckedReading> check(List<Reading> readings, Map<String, List<PermittedLimit>> limits,
                                      Function<Instant, LocalDate> dayOf, List<Rejection> rejected) {
        return check(readings, limits, dayOf, limit -> Averaging.HOUR, rejected);
    }

    /**
     * @param averaging the averaging each limit is judged on (its standard says which)
     */
    static List<CheckedReading> check(List<Reading> readings, Map<String, List<PermittedLimit>> limits,
                                      Function<Instant, LocalDate> dayOf,
                                      Function<PermittedLimit, Averaging> averaging, List<Rejection> rejected) {
        return check(readings, limits, null, dayOf, averaging, rejected);
    }

    /**
     * @param classes the management class of each registered enterprise, when known: a reading without a valid
     *                permit is evidence of discharging without one only from a registered unit that needs a permit
     *                (key or simplified); an unregistered code and a registration-only unit are refused instead
     */
    static List<CheckedReading> check(List<Reading> readings, Map<String, List<PermittedLimit>> limits,
                                      @Nullable Map<String, String> classes, Function<Instant, LocalDate> dayOf,
                                      Function<PermittedLimit, Averaging> averaging, List<Rejection> rejected) {
        List<CheckedReading> checked = new ArrayList<>(readings.size());
        for (Reading reading : readings) {
            List<PermittedLimit> own = limits.getOrDefault(reading.enterpriseCode(), List.of());
            LocalDate day = dayOf.apply(reading.measuredAt());
            PermittedLimit match = null;
            boolean permitValid = false;
            boolean outletKnown = false;
            for (PermittedLimit limit : own) {
                if (!limit.appliesOn(day)) {
                    continue;
                }
                permitValid = true;
                if (limit.outlet().equals(reading.outlet())) {
                    outletKnown = true;
                    if (limit.pollutant().equals(reading.pollutant())) {
                        match = limit;
                        break;
                    }
                }
            }
            if (match != null) {
                checked.add(new CheckedReading(reading, match.concentration(),
                        reading.concentration() > match.concentration(), false, averaging.apply(match)));
            } else if (!permitValid && classes != null && !classes.containsKey(reading.enterpriseCode())) {
                rejected.add(new Rejection(reading.index(), "unknown-enterprise",
                        "no enterprise with credit code " + reading.enterpriseCode() + " is registered"));
            } else if (!permitValid && classes != null
                    && "REGISTRATION".equals(classes.get(reading.enterpriseCode()))) {
                rejected.add(new Rejection(reading.index(), "no-permit-held", reading.enterpriseCode()
                        + " is registration-only (登记管理): it holds no permit whose limits the reading could meet"));
            } else if (!permitValid) {
                // Discharging without a valid permit: the reading is evidence, kept and marked.
                checked.add(CheckedReading.withoutPermit(reading));
            } else if (!outletKnown) {
                rejected.add(new Rejection(reading.index(), "unknown-outlet",
                        "the permit has no outlet " + reading.outlet()));
            } else {
                rejected.add(new Rejection(reading.index(), "unknown-pollutant",
                        "the permit sets no limit for " + reading.pollutant() + " at " + reading.outlet()));
            }
        }
        return checked;
    }
}
