package gov.envgov.credit.rectification;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import gov.envgov.support.domain.DomainException;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One quarter's rectification report of one subject: owed because of the grade of a period, due on a day.
 *
 * @param period the period whose grade made it owed
 */
public record RectificationReport(UUID id, String subjectCode, String subjectName, int period, String grade,
                                  String quarter, LocalDate quarterEnd, LocalDate dueOn, RectificationStatus status,
                                  @Nullable String content, List<Evidence> evidence, @Nullable LocalDate filedOn,
                                  @Nullable String filedBy, boolean late, @Nullable String reviewNote,
                                  @Nullable String reviewedBy, @Nullable LocalDate reviewedOn, long version) {

    public RectificationReport {
        evidence = List.copyOf(evidence);
    }

    /** A file the report rests on, by name and content hash. */
    @Schema(name = "RectificationEvidence")
    public record Evidence(String name, String sha256) {
    }

    /** The subject files (or files again after a return); late when after the due day. */
    RectificationReport file(String text, List<Evidence> files, LocalDate today, String by) {
        if (status != RectificationStatus.DUE && status != RectificationStatus.OVERDUE
                && status != RectificationStatus.RETURNED) {
            throw new DomainException.Conflict("not-owed", "the " + quarter + " rectification report " + id
                    + " of " + subjectCode + " is " + status + " and cannot be filed",
                    new DomainException.Blocker("rectification report", id, status), null);
        }
        if (today.isBefore(quarterEnd.withDayOfMonth(1).minusMonths(2))) {
            throw new DomainException.RuleViolation("quarter-not-started", "quarter",
                    "the " + quarter + " report can be filed once the quarter has begun");
        }
        return new RectificationReport(id, subjectCode, subjectName, period, grade, quarter, quarterEnd, dueOn,
                RectificationStatus.FILED, text, files, today, by, late || today.isAfter(dueOn), null, null, null,
                version);
    }

    private boolean owed() {
        return status == RectificationStatus.DUE || status == RectificationStatus.OVERDUE
                || status == RectificationStatus.RETURNED;
    }

    /** The credit officer accepts the report or returns it with a note. */
    RectificationReport review(boolean accepted, @Nullable String note, LocalDate today, String by) {
        if (status != RectificationStatus.FILED) {
            throw new DomainException.Conflict("not-filed", "the " + quarter + " rectification report " + id
                    + " of " + subjectCode + " is " + status + "; only a filed report is reviewed"
                    + (owed() ? ": the subject files it first" : ""),
                    new DomainException.Blocker("rectification report", id, status), owed() ? "file" : null);
        }
        if (!accepted && (note == null || note.isBlank())) {
            throw new DomainException.RuleViolation("note-required", "note",
                    "say what is missing when returning a report");
        }
        return new RectificationReport(id, subjectCode, subjectName, period, grade, quarter, quarterEnd, dueOn,
                accepted ? RectificationStatus.ACCEPTED : RectificationStatus.RETURNED, content, evidence, filedOn,
                filedBy, late, note, by, today, version);
    }
}
