package gov.envgov.permit.permit;

import java.time.LocalDate;

import reactor.core.publisher.Mono;

/**
 * What follows from a permit in other features (the execution-report schedule); called inside the transaction that
 * issues or ends the permit, so the obligations exist exactly when the permit does.
 */
public interface PermitObligations {

    Mono<Void> permitIssued(Permit permit);

    /** A permit issued elsewhere was imported; it owes only what falls due from {@code from} on. */
    Mono<Void> permitImported(Permit permit, LocalDate from);

    /** The permit stops binding after {@code lastDay}. */
    Mono<Void> permitEnded(Permit permit, LocalDate lastDay);
}
