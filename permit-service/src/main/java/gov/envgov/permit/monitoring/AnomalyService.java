package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Data anomalies (PERMIT-DATA-ANOMALY): out-of-range and constant values found as a batch is stored (in its
 * transaction), silent outlets found by the clock; each new anomaly is published once as
 * {@link MonitoringDataAnomaly}; staff list them.
 */
@Service
public class AnomalyService {

    private static final int MAX_LIST = 500;

    private final AnomalyRepository anomalies;
    private final AnomalyProperties properties;
    private final AnomalyDetector detector;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    AnomalyService(AnomalyRepository anomalies, AnomalyProperties properties, Outbox outbox,
                   TransactionalOperator transactions, BureauTime time) {
        this.anomalies = anomalies;
        this.properties = properties;
        this.detector = new AnomalyDetector(properties, UUID::randomUUID);
        this.outbox = outbox;
        this.transactions = transactions;
        this.time = time;
    }

    /** Within an ingestion's transaction, after its readings are stored: returns how many anomalies began. */
    Mono<Integer> afterStored(List<CheckedReading> stored, Set<String> enterprises) {
        Map<Reading.Series, Instant> latest = new HashMap<>();
        for (CheckedReading c : stored) {
            if (!c.withoutPermit()) {
                latest.merge(c.reading().series(), c.reading().measuredAt(),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (latest.isEmpty()) {
            return Mono.just(0);
        }
        Instant now = time.now();
        return anomalies.touch(latest)
                .then(anomalies.tails(latest.keySet(), properties.constantRun()))
                .zipWith(anomalies.open(enterprises).collectList())
                .flatMap(loaded -> {
                    AnomalyDetector.Changes changes = detector.detect(stored, loaded.getT1(), loaded.getT2(), now);
                    return Flux.fromIterable(changes.ended()).concatMap(anomalies::end)
                            .thenMany(Flux.fromIterable(changes.started()).concatMap(anomalies::insert))
                            .then(outbox.appendAll(changes.events()))
                            .thenReturn(changes.started().size());
                });
    }

    /**
     * The clock: every series of a valid permit silent for longer than configured gets a silence anomaly and its
     * event, once until data comes again. Safe with several replicas (the unique index of open anomalies).
     */
    public Mono<Long> detectSilence() {
        Instant now = time.now();
        return transactions.transactional(anomalies.openSilences(now.minus(properties.silentAfter()), time.today(),
                        now).collectList()
                .flatMap(opened -> outbox.appendAll(opened.stream().map(MonitoringDataAnomaly::of).toList())
                        .thenReturn((long) opened.size())));
    }

    /** Anomalies detected since a day, newest first: staff see all, an enterprise only its own. */
    public Flux<DataAnomaly> list(String enterpriseCode, LocalDate from, CurrentUser actor) {
        if (!actor.isStaff() && (enterpriseCode == null || !actor.actsFor(enterpriseCode))) {
            return Flux.error(new DomainException.NotFound("enterprise", String.valueOf(enterpriseCode)));
        }
        return anomalies.since(enterpriseCode, from.atStartOfDay(time.zone()).toInstant(), MAX_LIST);
    }
}
