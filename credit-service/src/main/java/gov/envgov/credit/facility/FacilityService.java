package gov.envgov.credit.facility;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.credit.evaluation.CreditResult;
import gov.envgov.credit.evaluation.EvaluationService;
import gov.envgov.credit.subject.CreditSubject;
import gov.envgov.credit.subject.CreditSubjectService;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Service
public class FacilityService {

    private final FacilityRepository facts;
    private final CreditSubjectService subjects;
    private final EvaluationService evaluations;
    private final FacilityProperties properties;
    private final BureauTime time;
    private final JsonMapper json;
    private final TransactionalOperator transactions;

    FacilityService(FacilityRepository facts, CreditSubjectService subjects, EvaluationService evaluations,
                    FacilityProperties properties, BureauTime time, JsonMapper json,
                    TransactionalOperator transactions) {
        this.facts = facts;
        this.subjects = subjects;
        this.evaluations = evaluations;
        this.properties = properties;
        this.time = time;
        this.json = json;
        this.transactions = transactions;
    }

    /** CRD-FACILITY-REPORT: one fact per source event; a redelivery is passed over. */
    Mono<Boolean> receive(FacilityFact fact) {
        return facts.insert(fact, time.now());
    }

    /** A withdrawn decision takes its case's penalty facts out of the quarters; they stay in the history. */
    Mono<Void> withdraw(String caseId, LocalDate withdrawnOn) {
        return facts.withdraw(caseId, withdrawnOn).then();
    }

    /** The report as of today; 404 when the registry knows no such enterprise and no event names it. */
    public Mono<FacilityReport> report(String code) {
        LocalDate asOf = time.today();
        LocalDate since = ComplianceQuarters.start(asOf).minusMonths(3L * (properties.quarters() - 1));
        Mono<Optional<CreditSubject>> subject = subjects.published(code).map(Optional::of)
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(subject, facts.ofSubject(code, since).collectList(),
                        evaluations.finalOfSubject(code).collectList())
                .flatMap(found -> {
                    List<FacilityFact> history = found.getT2();
                    if (found.getT1().isEmpty() && history.isEmpty() && found.getT3().isEmpty()) {
                        return Mono.error(new DomainException.NotFound("facility", code));
                    }
                    CreditSubject known = found.getT1().orElse(null);
                    String name = known != null ? known.name() : found.getT3().isEmpty() ? code
                            : found.getT3().get(0).subjectName();
                    List<FacilityFact> inWindow = history.stream().filter(fact -> !fact.occurredOn().isBefore(since))
                            .toList();
                    List<ComplianceQuarters.Quarter> quarters = ComplianceQuarters.table(asOf, properties.quarters(),
                            inWindow);
                    return Mono.just(new FacilityReport(code, name, known == null ? null : known.district(),
                            known == null ? null : known.managementClass(), asOf,
                            ComplianceQuarters.statusString(quarters), quarters,
                            found.getT3().stream().map(FacilityService::grade).toList(),
                            section(history, FacilityCategory.PERMIT), section(inWindow, FacilityCategory.REPORT),
                            section(inWindow, FacilityCategory.MONITORING),
                            section(inWindow, FacilityCategory.INSPECTION),
                            section(inWindow, FacilityCategory.COMPLAINT), section(inWindow, FacilityCategory.CASE),
                            section(inWindow, FacilityCategory.PENALTY)));
                });
    }

    /** The bytes of a report exactly as they are served and pinned. */
    public byte[] bytes(FacilityReport report) {
        return json.writeValueAsBytes(report);
    }

    /**
     * CRD-FACILITY-SNAPSHOT: pins today's report. The snapshot is addressed by the SHA-256 of its bytes, so pinning
     * an unchanged report again returns the same snapshot, and nobody can make two different reports under one
     * address.
     */
    public Mono<Pin> pin(String code) {
        return report(code).flatMap(report -> {
            byte[] body = bytes(report);
            String sha = sha256(body);
            return transactions.transactional(facts.pin(sha, code, report.asOf(), body, time.now()))
                    .map(created -> new Pin(new FacilityReport.Pinned(sha, code, report.asOf(),
                            "/api/public/credit/facility-snapshots/" + sha), created));
        });
    }

    /** A pinned report and whether this call pinned it. */
    public record Pin(FacilityReport.Pinned pinned, boolean created) {
    }

    Mono<FacilityRepository.Snapshot> snapshot(String sha256) {
        return facts.snapshot(sha256).switchIfEmpty(Mono.error(new DomainException.NotFound("facility snapshot",
                sha256)));
    }

    /** A pinned report read back (its table for the CSV download). */
    FacilityReport read(FacilityRepository.Snapshot snapshot) {
        return json.readValue(snapshot.body(), FacilityReport.class);
    }

    /** The quarter table as CSV (RFC 4180), with the report's identity in the first lines. */
    public static String csv(FacilityReport report) {
        StringBuilder out = new StringBuilder();
        out.append("credit_code,name,as_of,status_string\r\n")
                .append(cell(report.creditCode())).append(',').append(cell(report.name())).append(',')
                .append(report.asOf()).append(',').append(report.statusString()).append("\r\n\r\n")
                .append("quarter,start,end,status,violations,significant_violations\r\n");
        for (ComplianceQuarters.Quarter quarter : report.quarters()) {
            out.append(quarter.quarter()).append(',').append(quarter.start()).append(',').append(quarter.end())
                    .append(',').append(quarter.status()).append(',').append(quarter.violations()).append(',')
                    .append(quarter.significant()).append("\r\n");
        }
        return out.toString();
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String cell(String value) {
        String text = value.startsWith("=") || value.startsWith("+") || value.startsWith("-")
                || value.startsWith("@") ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static FacilityReport.Grade grade(CreditResult result) {
        return new FacilityReport.Grade(result.period(), result.grade(), result.version(),
                result.explanation().schemeVersion());
    }

    private static List<FacilityReport.Entry> section(List<FacilityFact> history, FacilityCategory category) {
        Predicate<FacilityFact> inSection = fact -> fact.category() == category;
        return history.stream().filter(inSection).map(FacilityReport.Entry::of).toList();
    }
}
