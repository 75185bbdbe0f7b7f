package gov.envgov.credit.blacklist;

import java.time.LocalDate;
import java.util.UUID;

/** An entry as staff and the noticed subject see it. */
public record ListResponse(UUID id, String subjectCode, String subjectName, ListSeverity severity, String legalBasis,
                           String facts, LocalDate noticedOn, LocalDate respondBy, String response, ListStatus status,
                           LocalDate listedOn, LocalDate minUntil, LocalDate maxUntil, LocalDate removedOn,
                           String reason) {

    public static ListResponse from(ListEntry entry) {
        return new ListResponse(entry.id(), entry.subjectCode(), entry.subjectName(), entry.severity(),
                entry.legalBasis(), entry.facts(), entry.noticedOn(), entry.respondBy(), entry.response(),
                entry.status(), entry.listedOn(), entry.minUntil(), entry.maxUntil(), entry.removedOn(),
                entry.reason());
    }

    /** The public list: who, on what basis, since and until when; no facts, no people. */
    public record Public(String creditCode, String name, ListSeverity severity, String legalBasis, LocalDate listedOn,
                         LocalDate minUntil, LocalDate maxUntil) {

        public static Public from(ListEntry entry) {
            return new Public(entry.subjectCode(), entry.subjectName(), entry.severity(), entry.legalBasis(),
                    entry.listedOn(), entry.minUntil(), entry.maxUntil());
        }
    }
}
