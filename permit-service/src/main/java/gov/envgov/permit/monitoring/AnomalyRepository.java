package gov.envgov.permit.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code monitoring_series} and {@code data_anomaly} tables. */
@Repository
class AnomalyRepository {

    private static final String COLUMNS = "id, enterprise_code, outlet, pollutant, kind, started_at, detected_at,"
            + " detail, ended_at";

    private final DatabaseClient db;

    AnomalyRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Records each series' latest reading (for the silence clock). */
    Mono<Void> touch(Map<Reading.Series, Instant> latest) {
        if (latest.isEmpty()) {
            return Mono.empty();
        }
        List<Map.Entry<Reading.Series, Instant>> list = new ArrayList<>(latest.entrySet());
        return db.sql("""
                        INSERT INTO monitoring_series (enterprise_code, outlet, pollutant, last_reading)
                        SELECT * FROM unnest(:codes, :outlets, :pollutants, :lasts::timestamptz[])
                        ON CONFLICT (enterprise_code, outlet, pollutant)
                        DO UPDATE SET last_reading = greatest(monitoring_series.last_reading,
                                                              EXCLUDED.last_reading)""")
                .bind("codes", list.stream().map(e -> e.getKey().enterpriseCode()).toArray(String[]::new))
                .bind("outlets", list.stream().map(e -> e.getKey().outlet()).toArray(String[]::new))
                .bind("pollutants", list.stream().map(e -> e.getKey().pollutant()).toArray(String[]::new))
                .bind("lasts", list.stream().map(e -> e.getValue().toString()).toArray(String[]::new))
                .then();
    }

    /** The latest {@code n} valid readings of each series, newest first. */
    Mono<Map<Reading.Series, AnomalyDetector.Tail>> tails(Collection<Reading.Series> series, int n) {
        if (series.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<Reading.Series> list = new ArrayList<>(series);
        return db.sql("""
                        SELECT s.code, s.outlet, s.pollutant, r.measured_at, r.concentration
                        FROM unnest(:codes, :outlets, :pollutants) AS s(code, outlet, pollutant)
                        CROSS JOIN LATERAL (
                            SELECT measured_at, concentration FROM monitoring_reading
                            WHERE enterprise_code = s.code AND outlet = s.outlet AND pollutant = s.pollutant
                              AND flag = 'N' AND NOT without_permit
                            ORDER BY measured_at DESC LIMIT :n) r
                        ORDER BY s.code, s.outlet, s.pollutant, r.measured_at DESC""")
                .bind("codes", list.stream().map(Reading.Series::enterpriseCode).toArray(String[]::new))
                .bind("outlets", list.stream().map(Reading.Series::outlet).toArray(String[]::new))
                .bind("pollutants", list.stream().map(Reading.Series::pollutant).toArray(String[]::new))
                .bind("n", n)
                .map(row -> new Object[] {new Reading.Series(row.get("code", String.class),
                        row.get("outlet", String.class), row.get("pollutant", String.class)),
                        row.get("measured_at", Instant.class), row.get("concentration", Double.class)})
                .all()
                .collect(HashMap<Reading.Series, AnomalyDetector.Tail>::new, (map, row) -> {
                    AnomalyDetector.Tail tail = map.computeIfAbsent((Reading.Series) row[0],
                            k -> new AnomalyDetector.Tail(new ArrayList<>(), new ArrayList<>()));
                    tail.times().add((Instant) row[1]);
                    tail.values().add((Double) row[2]);
                })
                .map(map -> (Map<Reading.Series, AnomalyDetector.Tail>) map);
    }

    Flux<DataAnomaly> open(Collection<String> codes) {
        return db.sql("SELECT " + COLUMNS + " FROM data_anomaly WHERE ended_at IS NULL"
                        + " AND enterprise_code = ANY(:codes)")
                .bind("codes", codes.toArray(String[]::new)).map(AnomalyRepository::read).all();
    }

    Mono<Void> insert(DataAnomaly a) {
        return db.sql("INSERT INTO data_anomaly (" + COLUMNS + ") VALUES (:id, :code, :outlet, :pollutant, :kind,"
                        + " :started, :detected, :detail, :ended)")
                .bind("id", a.id()).bind("code", a.enterpriseCode()).bind("outlet", a.outlet())
                .bind("pollutant", a.pollutant()).bind("kind", a.kind().name()).bind("started", a.startedAt())
                .bind("detected", a.detectedAt()).bind("detail", a.detail())
                .bind("ended", Parameter.fromOrEmpty(a.endedAt(), Instant.class)).then();
    }

    Mono<Void> end(DataAnomaly a) {
        return db.sql("UPDATE data_anomaly SET ended_at = :ended WHERE id = :id")
                .bind("id", a.id()).bind("ended", Parameter.fromOrEmpty(a.endedAt(), Instant.class)).then();
    }

    /**
     * Opens a silence for every series of a valid permit with no reading since {@code cutoff} and no open silence;
     * concurrent runs cannot open one twice (the unique index of open anomalies).
     */
    Flux<DataAnomaly> openSilences(Instant cutoff, LocalDate today, Instant now) {
        return db.sql("""
                        INSERT INTO data_anomaly (id, enterprise_code, outlet, pollutant, kind, started_at,
                                                  detected_at, detail)
                        SELECT gen_random_uuid(), s.enterprise_code, s.outlet, s.pollutant, 'SILENT', s.last_reading,
                               :now, 'no data since ' || to_char(s.last_reading AT TIME ZONE 'UTC',
                                                                 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                        FROM monitoring_series s
                        WHERE s.last_reading < :cutoff
                          AND EXISTS (SELECT 1 FROM permit_limit l WHERE l.enterprise_code = s.enterprise_code
                                AND l.outlet = s.outlet AND l.pollutant = s.pollutant
                                AND :today BETWEEN l.valid_from AND l.valid_to)
                          AND NOT EXISTS (SELECT 1 FROM data_anomaly a WHERE a.enterprise_code = s.enterprise_code
                                AND a.outlet = s.outlet AND a.pollutant = s.pollutant AND a.kind = 'SILENT'
                                AND a.ended_at IS NULL)
                        ON CONFLICT (enterprise_code, outlet, pollutant, kind) WHERE ended_at IS NULL DO NOTHING
                        RETURNING\s""" + COLUMNS)
                .bind("cutoff", cutoff).bind("today", today).bind("now", now)
                .map(AnomalyRepository::read).all();
    }

    /** Anomalies detected since an instant, newest first; of one enterprise, or of all. */
    Flux<DataAnomaly> since(String enterpriseCode, Instant from, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM data_anomaly WHERE detected_at >= :from"
                        + " AND (CAST(:code AS text) IS NULL OR enterprise_code = :code)"
                        + " ORDER BY detected_at DESC, id LIMIT :limit")
                .bind("from", from).bind("code", Parameter.fromOrEmpty(enterpriseCode, String.class))
                .bind("limit", limit)
                .map(AnomalyRepository::read).all();
    }

    private static DataAnomaly read(Readable row) {
        return new DataAnomaly(row.get("id", UUID.class), row.get("enterprise_code", String.class),
                row.get("outlet", String.class), row.get("pollutant", String.class),
                AnomalyKind.valueOf(row.get("kind", String.class)), row.get("started_at", Instant.class),
                row.get("detected_at", Instant.class), row.get("detail", String.class),
                row.get("ended_at", Instant.class));
    }
}
