package gov.envgov.credit.blacklist;

/**
 * How serious the dishonesty is, which sets the publication period (发改委令58号, B): minor information is not
 * published at all, so it has no value here; ordinary and serious have a minimum and a maximum period.
 */
public enum ListSeverity {
    ORDINARY, SERIOUS
}
