package gov.envgov.credit.blacklist;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.envgov.support.domain.DomainException;

/**
 * An entry of the severe-dishonesty list (严重失信主体名单): proposed on a legal basis with prior notice and a chance
 * to respond, listed for at least the minimum and at most the maximum period of its severity, removed automatically
 * at the maximum. Immutable; each transition checks the state it starts from and returns the events it causes.
 *
 * @param legalBasis the law or central policy the entry rests on (国办发〔2020〕49号: no entry without one)
 * @param respondBy  the last day to respond to the prior notice
 */
public record ListEntry(UUID id, String subjectCode, String subjectName, ListSeverity severity, String legalBasis,
                        String facts, LocalDate noticedOn, LocalDate respondBy, String response, ListStatus status,
                        LocalDate listedOn, LocalDate minUntil, LocalDate maxUntil, LocalDate removedOn,
                        String reason, String proposedBy, long version) {

    public record Transition(ListEntry next, List<ListEvent> events) {
        public Transition {
            events = List.copyOf(events);
        }
    }

    /** CRD-LIST-NOTICE: prior notice on a legal basis, with the day a response is due. */
    public static Transition notice(UUID id, String subjectCode, String subjectName, ListSeverity severity,
                                    String legalBasis, String facts, LocalDate today, LocalDate respondBy,
                                    String officer) {
        if (legalBasis == null || legalBasis.isBlank()) {
            throw new DomainException.RuleViolation("legal-basis-required", "legalBasis",
                    "an entry on the list needs a basis in law or central policy");
        }
        ListEntry noticed = new ListEntry(id, subjectCode, subjectName, severity, legalBasis, facts, today,
                respondBy, null, ListStatus.NOTICED, null, null, null, null, null, officer, 0);
        return new Transition(noticed, List.of(new ListEvent.ListingNoticed(id, subjectCode, severity, respondBy)));
    }

    /** The subject's response to the notice, until the day it is due. */
    public Transition respond(String text, LocalDate today) {
        require(ListStatus.NOTICED, "respond to");
        if (today.isAfter(respondBy)) {
            throw new DomainException.Conflict("response-closed", "responses to list entry " + id + " were taken"
                    + " until " + respondBy, blocker(), null);
        }
        return new Transition(with(ListStatus.NOTICED, text, listedOn, minUntil, maxUntil, removedOn, reason),
                List.of());
    }

    /**
     * CRD-LIST-NOTICE, CRD-LIST-PERIODS: listed only after the response deadline (or a response), for the minimum
     * and the maximum period of its severity.
     */
    public Transition list(LocalDate today, BlacklistProperties.Range range) {
        require(ListStatus.NOTICED, "list");
        if (response == null && !today.isAfter(respondBy)) {
            throw new DomainException.Conflict("response-pending", "subject " + subjectCode + " may respond to"
                    + " list entry " + id + " until " + respondBy + "; list it after that day, or once it responded",
                    blocker(), null);
        }
        ListEntry listed = with(ListStatus.LISTED, response, today, today.plus(range.min()), today.plus(range.max()),
                null, null);
        return new Transition(listed, List.of(new ListEvent.SevereDishonestyListed(id, subjectCode, severity,
                legalBasis, today, listed.minUntil(), listed.maxUntil())));
    }

    /** Not listed after all, with the reason. */
    public Transition drop(String why, LocalDate today) {
        require(ListStatus.NOTICED, "drop");
        return new Transition(with(ListStatus.DROPPED, response, null, null, null, today, why), List.of());
    }

    /** CRD-LIST-PERIODS: off the list on the day its maximum period ends. */
    public boolean isExpired(LocalDate today) {
        return status == ListStatus.LISTED && !today.isBefore(maxUntil);
    }

    /** Early exit by credit repair: only after the minimum period (CRD-LIST-PERIODS). */
    public Transition exitEarly(LocalDate today, String why) {
        require(ListStatus.LISTED, "end early");
        if (today.isBefore(minUntil)) {
            throw new DomainException.Conflict("minimum-period", "list entry " + id + " of " + subjectCode
                    + " stays listed at least until " + minUntil, blocker(), null);
        }
        return remove(today, why);
    }

    public Transition remove(LocalDate today, String why) {
        require(ListStatus.LISTED, "remove");
        return new Transition(with(ListStatus.REMOVED, response, listedOn, minUntil, maxUntil, today, why),
                List.of(new ListEvent.SevereDishonestyRemoved(id, subjectCode, today, why)));
    }

    private ListEntry with(ListStatus next, String answer, LocalDate listed, LocalDate min, LocalDate max,
                           LocalDate removed, String why) {
        return new ListEntry(id, subjectCode, subjectName, severity, legalBasis, facts, noticedOn, respondBy, answer,
                next, listed, min, max, removed, why, proposedBy, version);
    }

    /**
     * Refuses a step the entry is not in a state for; asked for before the entry is listed, it names the listing as
     * the step that comes first (API-CONFLICTS-NAME-THE-BLOCKER).
     */
    private void require(ListStatus expected, String action) {
        if (status != expected) {
            String detail = "cannot " + action + " list entry " + id + " in state " + status + " (needs " + expected
                    + ")";
            boolean listFirst = status == ListStatus.NOTICED && expected == ListStatus.LISTED;
            throw new DomainException.Conflict("invalid-transition", listFirst ? detail
                    + "; list it first (POST /api/credit/blacklist/" + id + "/listing)" : detail, blocker(),
                    listFirst ? "listing" : null);
        }
    }

    private DomainException.Blocker blocker() {
        return new DomainException.Blocker("list entry", id, status);
    }
}
