package gov.envgov.credit.subject;

import org.springframework.stereotype.Service;

import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Mono;

/** Reads of credit subjects: staff see any, an enterprise only its own; the rest do not exist for the caller. */
@Service
public class CreditSubjectService {

    private final CreditSubjectRepository subjects;

    CreditSubjectService(CreditSubjectRepository subjects) {
        this.subjects = subjects;
    }

    public Mono<CreditSubject> find(String code, CurrentUser reader) {
        return subjects.find(code)
                .filter(subject -> reader.isStaff() || reader.actsFor(code))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("credit subject", code)));
    }
}
