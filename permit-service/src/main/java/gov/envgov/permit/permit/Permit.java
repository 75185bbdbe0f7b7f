package gov.envgov.permit.permit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import gov.envgov.permit.permit.PermitEvent.PermitApplicationAccepted;
import gov.envgov.permit.permit.PermitEvent.PermitApplicationSubmitted;
import gov.envgov.permit.permit.PermitEvent.PermitChanged;
import gov.envgov.permit.permit.PermitEvent.PermitEnded;
import gov.envgov.permit.permit.PermitEvent.PermitExpired;
import gov.envgov.permit.permit.PermitEvent.PermitExpiryReminder;
import gov.envgov.permit.permit.PermitEvent.PermitIssued;
import gov.envgov.permit.permit.PermitEvent.PermitRejected;
import gov.envgov.permit.permit.PermitEvent.PermitSiteCheckScheduled;
import gov.envgov.permit.permit.PermitEvent.PermitSuperseded;
import gov.envgov.permit.permit.PermitEvent.PermitSupplementRequested;
import gov.envgov.support.domain.DomainException;

/**
 * A permit application and, once issued, the permit (see {@link PermitStatus} for the states). Immutable: every
 * transition checks the state it starts from and returns the next state with the event it causes. Deadlines come
 * from {@link PermitRules}; the aggregate does no I/O.
 */
public record Permit(UUID id, String enterpriseCode, String holderName, String district, PermitClass permitClass,
                     ApplicationKind kind, UUID renews, PermitStatus status, PermitContent content, String address,
                     String legalRepresentative, Review review, Validity validity, Ending ending,
                     Integer remindedDays, long version, Instant createdAt, Instant updatedAt) {

    public Permit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(enterpriseCode, "enterpriseCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(content, "content");
        review = review == null ? Review.NONE : review;
        validity = validity == null ? Validity.NONE : validity;
        ending = ending == null ? Ending.NONE : ending;
    }

    /**
     * The review clock.
     *
     * @param completenessDue last day a reviewer may ask for a supplement; after it the application counts as
     *                        accepted (3-day rule)
     * @param decisionDue     last day of the decision (working days from acceptance by class, longer with a site
     *                        check)
     */
    public record Review(LocalDate submittedOn, LocalDate completenessDue, LocalDate acceptedOn,
                         Boolean deemedAccepted, boolean siteCheck, LocalDate decisionDue, String supplementRequest,
                         String decisionReason) {

        static final Review NONE = new Review(null, null, null, null, false, null, null, null);
    }

    /** Permit number and validity, set when the permit is issued. */
    public record Validity(String number, LocalDate validFrom, LocalDate validTo) {

        static final Validity NONE = new Validity(null, null, null);
    }

    /** Why and on what legal basis a permit ended early. */
    public record Ending(String reason, String legalBasis) {

        static final Ending NONE = new Ending(null, null);
    }

    /** A state and the event that reports how it was reached. */
    public record Transition(Permit permit, PermitEvent event) {
    }

    public static Permit draft(UUID id, String enterpriseCode, String holderName, String district,
                               PermitClass permitClass, ApplicationKind kind, UUID renews, PermitContent content,
                               String address, String legalRepresentative, Instant now) {
        content.requireConsistent();
        return new Permit(id, enterpriseCode, holderName, district, permitClass, kind, renews, PermitStatus.DRAFT,
                content, address, legalRepresentative, Review.NONE, Validity.NONE, Ending.NONE, null, 1, now, now);
    }

    /** A permit issued before this system, moved in as it stands. */
    public static Transition imported(UUID id, String enterpriseCode, String holderName, String district,
                                      PermitClass permitClass, PermitContent content, String address,
                                      String legalRepresentative, String number, LocalDate validFrom,
                                      PermitRules rules, Instant now) {
        content.requireConsistent();
        Validity validity = new Validity(number, validFrom, rules.validTo(validFrom));
        Permit permit = new Permit(id, enterpriseCode, holderName, district, permitClass, ApplicationKind.NEW, null,
                PermitStatus.ISSUED, content, address, legalRepresentative, Review.NONE, validity, Ending.NONE, null,
                1, now, now);
        return new Transition(permit, new PermitIssued(id, enterpriseCode, number, permitClass, ApplicationKind.NEW,
                validFrom, validity.validTo()));
    }

    public boolean isIssued() {
        return status == PermitStatus.ISSUED;
    }

    /** An application still being edited may change its content; nothing else may. */
    public Permit edit(PermitContent newContent, String newAddress, String newLegalRepresentative, Instant now) {
        require(Set.of(PermitStatus.DRAFT, PermitStatus.SUPPLEMENT_REQUESTED), "edit");
        newContent.requireConsistent();
        return with(status, newContent, newAddress, newLegalRepresentative, review, validity, ending, remindedDays,
                now);
    }

    public Transition submit(LocalDate today, PermitRules rules, Instant now) {
        require(Set.of(PermitStatus.DRAFT, PermitStatus.SUPPLEMENT_REQUESTED), "submit");
        LocalDate completenessDue = rules.completenessDue(today);
        // Silence means acceptance as of the day of submission, so the decision clock is counted from it.
        LocalDate decisionDue = rules.decisionDue(this, today, false);
        Review next = new Review(today, completenessDue, null, null, false, decisionDue, review.supplementRequest(),
                null);
        Permit submitted = with(PermitStatus.SUBMITTED, content, address, legalRepresentative, next, validity, ending,
                remindedDays, now);
        return new Transition(submitted, new PermitApplicationSubmitted(id, enterpriseCode, kind, permitClass, today,
                completenessDue, decisionDue));
    }

    /** Asks the enterprise for missing material; only within the completeness period. */
    public Transition requestSupplement(String request, LocalDate today, Instant now) {
        require(Set.of(PermitStatus.SUBMITTED), "request a supplement for");
        if (today.isAfter(review.completenessDue())) {
            throw new DomainException.RuleViolation("completeness-period-over", "request",
                    "the completeness check ended on " + review.completenessDue()
                            + "; the application counts as accepted and must be decided");
        }
        Review next = new Review(review.submittedOn(), review.completenessDue(), null, null, false, null, request,
                null);
        return new Transition(with(PermitStatus.SUPPLEMENT_REQUESTED, content, address, legalRepresentative, next,
                validity, ending, remindedDays, now), new PermitSupplementRequested(id, enterpriseCode, request));
    }

    public Transition accept(LocalDate today, PermitRules rules, Instant now) {
        require(Set.of(PermitStatus.SUBMITTED), "accept");
        boolean deemed = today.isAfter(review.completenessDue());
        LocalDate acceptedOn = deemed ? review.submittedOn() : today;
        return accepted(acceptedOn, deemed, rules, now);
    }

    /** The 3-day rule: an application nobody asked a supplement for in time counts as accepted on submission. */
    public Optional<Transition> deemAccepted(LocalDate today, PermitRules rules, Instant now) {
        if (status != PermitStatus.SUBMITTED || !today.isAfter(review.completenessDue())) {
            return Optional.empty();
        }
        return Optional.of(accepted(review.submittedOn(), true, rules, now));
    }

    private Transition accepted(LocalDate acceptedOn, boolean deemed, PermitRules rules, Instant now) {
        Review accepted = new Review(review.submittedOn(), review.completenessDue(), acceptedOn, deemed, false,
                null, review.supplementRequest(), null);
        Permit next = with(PermitStatus.ACCEPTED, content, address, legalRepresentative, accepted, validity, ending,
                remindedDays, now);
        LocalDate decisionDue = rules.decisionDue(next, acceptedOn, false);
        next = next.withReview(new Review(accepted.submittedOn(), accepted.completenessDue(), acceptedOn, deemed,
                false, decisionDue, accepted.supplementRequest(), null));
        return new Transition(next, new PermitApplicationAccepted(id, enterpriseCode, acceptedOn, deemed,
                decisionDue));
    }

    public Transition scheduleSiteCheck(PermitRules rules, Instant now) {
        require(Set.of(PermitStatus.ACCEPTED), "schedule a site check for");
        LocalDate decisionDue = rules.decisionDue(this, review.acceptedOn(), true);
        Review next = new Review(review.submittedOn(), review.completenessDue(), review.acceptedOn(),
                review.deemedAccepted(), true, decisionDue, review.supplementRequest(), null);
        return new Transition(with(PermitStatus.SITE_CHECK, content, address, legalRepresentative, next, validity,
                ending, remindedDays, now), new PermitSiteCheckScheduled(id, enterpriseCode, decisionDue));
    }

    /**
     * Issues the permit. A renewal keeps the number and starts the day after the permit it renews ends; anything
     * else starts today. Validity is the configured number of years.
     */
    public Transition issue(String number, LocalDate validFrom, PermitRules rules, String reason, Instant now) {
        require(Set.of(PermitStatus.ACCEPTED, PermitStatus.SITE_CHECK), "issue");
        Validity issued = new Validity(number, validFrom, rules.validTo(validFrom));
        Permit next = with(PermitStatus.ISSUED, content, address, legalRepresentative, decided(reason), issued,
                ending, null, now);
        return new Transition(next, new PermitIssued(id, enterpriseCode, number, permitClass, kind, validFrom,
                issued.validTo()));
    }

    public Transition reject(String reason, Instant now) {
        require(Set.of(PermitStatus.SUBMITTED, PermitStatus.ACCEPTED, PermitStatus.SITE_CHECK), "reject");
        return new Transition(with(PermitStatus.REJECTED, content, address, legalRepresentative, decided(reason),
                validity, ending, remindedDays, now), new PermitRejected(id, enterpriseCode, reason));
    }

    private Review decided(String reason) {
        return new Review(review.submittedOn(), review.completenessDue(), review.acceptedOn(),
                review.deemedAccepted(), review.siteCheck(), review.decisionDue(), review.supplementRequest(),
                reason);
    }

    /**
     * An administrative change of an issued permit: holder name, address, legal representative, and limits that
     * allow no more than before. New outlets, new pollutants or higher limits need a new application.
     */
    public Transition change(String newHolderName, String newAddress, String newLegalRepresentative,
                             PermitContent newContent, Instant now) {
        require(Set.of(PermitStatus.ISSUED), "change");
        newContent.requireConsistent();
        var expansions = newContent.expansionsOver(content);
        if (!expansions.isEmpty()) {
            throw new DomainException.RuleViolation("new-application-required", "content",
                    "not an administrative change: " + String.join(", ", expansions)
                            + "; apply for a new permit instead");
        }
        Permit next = new Permit(id, enterpriseCode, newHolderName, district, permitClass, kind, renews, status,
                newContent, newAddress, newLegalRepresentative, review, validity, ending, remindedDays, version + 1,
                createdAt, now);
        return new Transition(next, new PermitChanged(id, enterpriseCode, validity.number(), next.version()));
    }

    /** 撤销, 吊销 or 注销 with a reason and a legal basis. Cancellation also applies to an expired permit. */
    public Transition end(PermitStatus how, String reason, String legalBasis, Instant now) {
        if (how == PermitStatus.CANCELLED) {
            require(Set.of(PermitStatus.ISSUED, PermitStatus.EXPIRED), "cancel");
        } else if (how == PermitStatus.REVOKED || how == PermitStatus.WITHDRAWN) {
            require(Set.of(PermitStatus.ISSUED), how == PermitStatus.REVOKED ? "revoke" : "withdraw");
        } else {
            throw new IllegalArgumentException(how + " is not a way to end a permit");
        }
        return new Transition(with(how, content, address, legalRepresentative, review, validity,
                new Ending(reason, legalBasis), remindedDays, now),
                new PermitEnded(id, enterpriseCode, validity.number(), how, reason, legalBasis));
    }

    /** An issued permit past its last valid day expires, or is superseded when its renewal has been issued. */
    public Optional<Transition> expire(LocalDate today, UUID renewedBy, Instant now) {
        if (status != PermitStatus.ISSUED || !today.isAfter(validity.validTo())) {
            return Optional.empty();
        }
        if (renewedBy != null) {
            return Optional.of(supersede(renewedBy, now));
        }
        return Optional.of(new Transition(with(PermitStatus.EXPIRED, content, address, legalRepresentative, review,
                validity, ending, remindedDays, now),
                new PermitExpired(id, enterpriseCode, validity.number(), validity.validTo())));
    }

    /** A new permit for the same holder replaces this one. */
    public Transition supersede(UUID by, Instant now) {
        require(Set.of(PermitStatus.ISSUED), "supersede");
        return new Transition(with(PermitStatus.SUPERSEDED, content, address, legalRepresentative, review, validity,
                ending, remindedDays, now), new PermitSuperseded(id, enterpriseCode, validity.number(), by));
    }

    /** The next renewal reminder due (e.g. 30/15/5 days before the last day to apply for renewal), once each. */
    public Optional<Transition> remind(LocalDate today, PermitRules rules, Instant now) {
        if (status != PermitStatus.ISSUED) {
            return Optional.empty();
        }
        return rules.reminderDue(validity.validTo(), today, remindedDays).map(days -> new Transition(
                with(status, content, address, legalRepresentative, review, validity, ending, days, now),
                new PermitExpiryReminder(id, enterpriseCode, validity.number(), validity.validTo(), days,
                        rules.renewalLastDay(validity.validTo()))));
    }

    /**
     * What a renewal request made today is: a renewal up to the last day to apply (expiry minus the deadline, with
     * no earliest day); after it not a renewal, so refused or taken as a new application as configured.
     */
    public ApplicationKind renewalKind(LocalDate today, PermitRules rules) {
        require(Set.of(PermitStatus.ISSUED), "renew");
        LocalDate lastDay = rules.renewalLastDay(validity.validTo());
        if (!today.isAfter(lastDay)) {
            return ApplicationKind.RENEWAL;
        }
        if (rules.lateRenewal() == PermitProperties.LateRenewal.NEW_APPLICATION) {
            return ApplicationKind.NEW;
        }
        throw new DomainException.RuleViolation("renewal-deadline-passed", "permit",
                "the last day to apply for renewal was " + lastDay + " (the permit ends " + validity.validTo()
                        + "); apply for a new permit instead");
    }

    /** Optimistic concurrency: a change made on another version than the current one is refused. */
    public void requireVersion(long expected) {
        if (version != expected) {
            throw new DomainException.Conflict("stale-version",
                    "permit " + id + " was changed by someone else; reload it and apply your change again");
        }
    }

    public boolean isOverdue(LocalDate today) {
        return PermitStatus.UNDER_REVIEW.contains(status) && review.decisionDue() != null
                && today.isAfter(review.decisionDue());
    }

    private Permit withReview(Review next) {
        return new Permit(id, enterpriseCode, holderName, district, permitClass, kind, renews, status, content,
                address, legalRepresentative, next, validity, ending, remindedDays, version, createdAt, updatedAt);
    }

    private Permit with(PermitStatus nextStatus, PermitContent nextContent, String nextAddress,
                        String nextLegalRepresentative, Review nextReview, Validity nextValidity, Ending nextEnding,
                        Integer nextReminded, Instant now) {
        return new Permit(id, enterpriseCode, holderName, district, permitClass, kind, renews, nextStatus,
                nextContent, nextAddress, nextLegalRepresentative, nextReview, nextValidity, nextEnding,
                nextReminded, version + 1, createdAt, now);
    }

    /**
     * Refuses a step the permit is not in a state for; a step asked for before the one the line needs next
     * (submit → accept → issue) names that step, the one that comes first (API-CONFLICTS-NAME-THE-BLOCKER).
     */
    private void require(Set<PermitStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            String detail = "cannot " + action + " permit " + id + " while it is " + status;
            Optional<String> first = stepFirst(status, allowed);
            throw new DomainException.Conflict("invalid-transition", first.map(step -> detail + "; " + step
                            + " it first (POST /api/permits/" + id + "/" + step + ")").orElse(detail),
                    new DomainException.Blocker("permit", id, status), first.orElse(null));
        }
    }

    /** The line in order, each place with the step that leaves it. */
    private static final List<PermitStatus> LINE = List.of(PermitStatus.DRAFT, PermitStatus.SUBMITTED,
            PermitStatus.ACCEPTED, PermitStatus.SITE_CHECK, PermitStatus.ISSUED);
    private static final List<String> NEXT_STEP = List.of("submit", "accept", "issue", "issue");

    /**
     * The step due next when {@code current} is earlier in the line than every state the asked step starts from;
     * empty when the permit is past it or off the line (rejected, ended).
     */
    static Optional<String> stepFirst(PermitStatus current, Set<PermitStatus> allowed) {
        int at = LINE.indexOf(current == PermitStatus.SUPPLEMENT_REQUESTED ? PermitStatus.DRAFT : current);
        int needed = allowed.stream().mapToInt(LINE::indexOf).filter(i -> i >= 0).min().orElse(-1);
        if (at < 0 || needed < 0 || at >= needed || at >= NEXT_STEP.size()) {
            return Optional.empty();
        }
        return Optional.of(NEXT_STEP.get(at));
    }
}
