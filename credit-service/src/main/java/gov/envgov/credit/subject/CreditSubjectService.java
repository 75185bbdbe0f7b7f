package gov.envgov.credit.subject;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of credit subjects: staff see any, an enterprise only its own; the rest do not exist for the caller. */
@Service
public class CreditSubjectService {

    /** The management class of environmental service agencies, which permit-service does not register. */
    public static final String SERVICE_AGENCY = "SERVICE_AGENCY";

    private final CreditSubjectRepository subjects;

    CreditSubjectService(CreditSubjectRepository subjects) {
        this.subjects = subjects;
    }

    /**
     * The subjects an evaluation covers: those of the scheme's management classes, and those named (subjects with a
     * record in the period); a named code the registry does not know yet is a subject under its code alone.
     */
    public Flux<CreditSubject> inScope(Collection<String> managementClasses, Collection<String> codes) {
        Set<String> missing = new TreeSet<>(codes);
        return subjects.ofClassesOrCodes(managementClasses, codes)
                .doOnNext(subject -> missing.remove(subject.code()))
                .concatWith(Flux.defer(() -> Flux.fromIterable(missing)
                        .map(code -> new CreditSubject(code, code, null, null, 0))));
    }

    /**
     * CRD-SUBJECT-AGENCY: a credit officer registers an environmental service agency (a monitoring or operation
     * firm) with its credit code; it is evaluated and listed like a discharger.
     */
    public Mono<CreditSubject> registerAgency(String code, String name, String district) {
        CreditSubject agency = new CreditSubject(code, name, district, SERVICE_AGENCY, 0);
        return subjects.insert(agency).flatMap(inserted -> inserted ? Mono.just(agency)
                : Mono.error(new DomainException.Conflict("subject-exists", "credit subject " + code + " is"
                        + " registered already", new DomainException.Blocker("credit subject", code, null), null)));
    }

    /** The subject as the enterprise registry publishes it (name, district, class), for public pages. */
    public Mono<CreditSubject> published(String code) {
        return subjects.find(code);
    }

    public Mono<CreditSubject> find(String code, CurrentUser reader) {
        return subjects.find(code)
                .filter(subject -> reader.isStaff() || reader.actsFor(code))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("credit subject", code)));
    }
}
