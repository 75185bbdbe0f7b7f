package gov.envgov.permit.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class MonitoringRepository {

    static final String COPY_READINGS = "COPY monitoring_reading (enterprise_code, outlet, pollutant, measured_at,"
            + " concentration, flow, permitted, exceeds, without_permit, flag, source, received_at) FROM STDIN";
    private static final int ROWS_PER_CHUNK = 2000;

    private final DatabaseClient db;

    MonitoringRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Serialises batches per enterprise for the rest of the transaction (in code order, so two batches never wait
     * on each other crosswise): the duplicate check and the episode update then see every earlier batch.
     */
    Mono<Void> lockEnterprises(Collection<String> codes) {
        // Every query of an ingestion is a lookup by key; a table just truncated or filling fast has statistics
        // that can talk the planner into scanning millions of readings instead.
        return db.sql("SET LOCAL enable_seqscan = off").then()
                .thenMany(Flux.fromIterable(codes).sort().concatMap(code -> db.sql(
                                "SELECT pg_advisory_xact_lock(hashtext(:k))")
                        .bind("k", "monitoring:" + code).fetch().rowsUpdated()))
                .then();
    }

    /** The management class of each registered enterprise among the codes (unregistered codes are absent). */
    Mono<Map<String, String>> managementClasses(Collection<String> codes) {
        return db.sql("SELECT code, management_class FROM enterprise WHERE code = ANY(:codes)")
                .bind("codes", codes.toArray(String[]::new))
                .map(row -> Map.entry(row.get("code", String.class), row.get("management_class", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    Mono<Map<String, List<PermittedLimit>>> limits(Collection<String> codes) {
        return db.sql("""
                        SELECT enterprise_code, outlet, pollutant, concentration, standard, valid_from, valid_to
                        FROM permit_limit WHERE enterprise_code = ANY(:codes)""")
                .bind("codes", codes.toArray(String[]::new))
                .map(row -> Map.entry(row.get("enterprise_code", String.class), new PermittedLimit(
                        row.get("outlet", String.class), row.get("pollutant", String.class),
                        row.get("concentration", Double.class), row.get("standard", String.class),
                        row.get("valid_from", LocalDate.class),
                        row.get("valid_to", LocalDate.class))))
                .all()
                .collect(HashMap::new, (map, entry) -> map.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                        .add(entry.getValue()));
    }

    /** The instants already stored for the readings' series, within the span the readings cover. */
    Mono<Set<Reading.Point>> existing(List<CheckedReading> readings) {
        if (readings.isEmpty()) {
            return Mono.just(Set.of());
        }
        List<Span> list = spans(readings);
        return db.sql("""
                        SELECT r.enterprise_code, r.outlet, r.pollutant, r.measured_at
                        FROM unnest(:codes, :outlets, :pollutants, :froms::timestamptz[], :tos::timestamptz[])
                             AS s(code, outlet, pollutant, first_at, last_at)
                        CROSS JOIN LATERAL (
                            SELECT enterprise_code, outlet, pollutant, measured_at FROM monitoring_reading
                            WHERE enterprise_code = s.code AND outlet = s.outlet AND pollutant = s.pollutant
                              AND measured_at BETWEEN s.first_at AND s.last_at) r""")
                .bind("codes", list.stream().map(span -> span.series().enterpriseCode()).toArray(String[]::new))
                .bind("outlets", list.stream().map(span -> span.series().outlet()).toArray(String[]::new))
                .bind("pollutants", list.stream().map(span -> span.series().pollutant()).toArray(String[]::new))
                .bind("froms", list.stream().map(span -> span.first().toString()).toArray(String[]::new))
                .bind("tos", list.stream().map(span -> span.last().toString()).toArray(String[]::new))
                .map(row -> new Reading.Point(new Reading.Series(row.get("enterprise_code", String.class),
                        row.get("outlet", String.class), row.get("pollutant", String.class)),
                        row.get("measured_at", Instant.class).toEpochMilli()))
                .all()
                .collect(HashSet::new, Set::add);
    }

    /** The first and last instant of a series in a batch. */
    private record Span(Reading.Series series, Instant first, Instant last) {
    }

    private static List<Span> spans(List<CheckedReading> checked) {
        Map<Reading.Series, Instant[]> spans = new HashMap<>();
        for (CheckedReading c : checked) {
            Reading r = c.reading();
            Instant[] span = spans.computeIfAbsent(r.series(), s -> new Instant[] {r.measuredAt(), r.measuredAt()});
            if (r.measuredAt().isBefore(span[0])) {
                span[0] = r.measuredAt();
            }
            if (r.measuredAt().isAfter(span[1])) {
                span[1] = r.measuredAt();
            }
        }
        return spans.entrySet().stream().map(e -> new Span(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /**
     * Stores checked readings with PostgreSQL's COPY protocol on the transaction's connection: the fastest way in,
     * and still all-or-nothing with the rest of the transaction.
     */
    Mono<Long> copy(List<CheckedReading> readings, String source, Instant receivedAt) {
        if (readings.isEmpty()) {
            return Mono.just(0L);
        }
        String sourceField = escape(source);
        String received = receivedAt.toString();
        Flux<ByteBuf> chunks = Flux.range(0, (readings.size() + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK)
                .map(chunk -> {
                    StringBuilder text = new StringBuilder(ROWS_PER_CHUNK * 120);
                    int end = Math.min(readings.size(), (chunk + 1) * ROWS_PER_CHUNK);
                    for (int i = chunk * ROWS_PER_CHUNK; i < end; i++) {
                        CheckedReading checked = readings.get(i);
                        Reading r = checked.reading();
                        text.append(r.enterpriseCode()).append('\t')
                                .append(escape(r.outlet())).append('\t')
                                .append(escape(r.pollutant())).append('\t')
                                .append(r.timestampText() != null ? r.timestampText() : r.measuredAt().toString())
                                .append('\t')
                                .append(r.concentration()).append('\t')
                                .append(r.flow() == null ? "\\N" : r.flow().toString()).append('\t')
                                .append(checked.withoutPermit() ? "\\N" : String.valueOf(checked.permitted()))
                                .append('\t')
                                .append(checked.exceeds() ? 't' : 'f').append('\t')
                                .append(checked.withoutPermit() ? 't' : 'f').append('\t')
                                .append(r.flag().code()).append('\t')
                                .append(sourceField).append('\t')
                                .append(received).append('\n');
                    }
                    return Unpooled.wrappedBuffer(text.toString().getBytes(StandardCharsets.UTF_8));
                });
        return db.inConnection(connection -> postgres(connection).copyIn(COPY_READINGS, chunks));
    }

    private static PostgresqlConnection postgres(Connection connection) {
        Object current = connection;
        while (!(current instanceof PostgresqlConnection) && current instanceof Wrapped<?> wrapped) {
            current = wrapped.unwrap();
        }
        if (current instanceof PostgresqlConnection postgres) {
            return postgres;
        }
        throw new IllegalStateException("monitoring ingestion needs r2dbc-postgresql, got " + connection.getClass());
    }

    /** COPY text format: backslash, tab and line breaks would end a field or a row. */
    private static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    Flux<Episode> openEpisodes(Collection<String> codes) {
        return db.sql("""
                        SELECT id, enterprise_code, outlet, pollutant, permitted, started_at, last_exceeding, ended_at,
                               peak, readings
                        FROM exceedance_episode WHERE ended_at IS NULL AND enterprise_code = ANY(:codes)""")
                .bind("codes", codes.toArray(String[]::new))
                .map(MonitoringRepository::readEpisode).all();
    }

    /** Inserts new episodes with one statement per hundred. */
    Mono<Void> insert(List<Episode> episodes) {
        return Flux.fromIterable(episodes).buffer(100).concatMap(chunk -> {
            StringBuilder sql = new StringBuilder("INSERT INTO exceedance_episode (id, enterprise_code, outlet,"
                    + " pollutant, permitted, started_at, last_exceeding, ended_at, peak, readings) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :code").append(i)
                        .append(", :outlet").append(i).append(", :pollutant").append(i).append(", :permitted")
                        .append(i).append(", :started").append(i).append(", :last").append(i).append(", :ended")
                        .append(i).append(", :peak").append(i).append(", :readings").append(i).append(')');
            }
            DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                Episode e = chunk.get(i);
                spec = spec.bind("id" + i, e.id()).bind("code" + i, e.enterpriseCode()).bind("outlet" + i, e.outlet())
                        .bind("pollutant" + i, e.pollutant()).bind("permitted" + i, e.permitted())
                        .bind("started" + i, e.startedAt()).bind("last" + i, e.lastExceeding())
                        .bind("ended" + i, Parameter.fromOrEmpty(e.endedAt(), Instant.class))
                        .bind("peak" + i, e.peak()).bind("readings" + i, e.readings());
            }
            return spec.then();
        }).then();
    }

    Mono<Void> update(Episode episode) {
        return db.sql("""
                        UPDATE exceedance_episode SET started_at = :started, last_exceeding = :last, ended_at = :ended,
                            peak = :peak, readings = :readings
                        WHERE id = :id""")
                .bind("id", episode.id()).bind("started", episode.startedAt())
                .bind("last", episode.lastExceeding())
                .bind("ended", Parameter.fromOrEmpty(episode.endedAt(), Instant.class))
                .bind("peak", episode.peak()).bind("readings", episode.readings())
                .then();
    }

    Flux<Episode> episodes(String enterpriseCode, Instant from, int limit, long offset) {
        return db.sql("""
                        SELECT id, enterprise_code, outlet, pollutant, permitted, started_at, last_exceeding, ended_at,
                               peak, readings
                        FROM exceedance_episode WHERE enterprise_code = :code AND started_at >= :from
                        ORDER BY started_at DESC LIMIT :limit OFFSET :offset""")
                .bind("code", enterpriseCode).bind("from", from).bind("limit", limit).bind("offset", offset)
                .map(MonitoringRepository::readEpisode).all();
    }

    /** When each episode of an enterprise since an instant began, every one of them. */
    Flux<Instant> episodeStarts(String enterpriseCode, Instant from) {
        return db.sql("SELECT started_at FROM exceedance_episode WHERE enterprise_code = :code"
                        + " AND started_at >= :from ORDER BY started_at")
                .bind("code", enterpriseCode).bind("from", from).map(row -> row.get("started_at", Instant.class))
                .all();
    }

    Mono<Long> countEpisodes(String enterpriseCode, Instant from) {
        return db.sql("SELECT count(*) AS n FROM exceedance_episode WHERE enterprise_code = :code"
                        + " AND started_at >= :from")
                .bind("code", enterpriseCode).bind("from", from).map(row -> row.get("n", Long.class)).one();
    }

    /**
     * Means over hours or days (in the bureau's zone) of one outlet's pollutant, of valid (normal) data; flagged
     * readings are counted apart and left out.
     */
    Flux<Mean> means(String enterpriseCode, String outlet, String pollutant, Instant from, Instant to,
                     String unit, String zone) {
        ZoneId bureau = ZoneId.of(zone);
        return db.sql("""
                        SELECT date_trunc(:unit, measured_at AT TIME ZONE :zone) AS period,
                               avg(concentration) FILTER (WHERE flag = 'N') AS mean,
                               min(concentration) FILTER (WHERE flag = 'N') AS low,
                               max(concentration) FILTER (WHERE flag = 'N') AS high,
                               max(permitted) AS permitted, count(*) FILTER (WHERE flag = 'N') AS readings,
                               count(*) FILTER (WHERE exceeds AND flag = 'N') AS exceeding,
                               count(*) FILTER (WHERE flag <> 'N') AS flagged
                        FROM monitoring_reading
                        WHERE enterprise_code = :code AND outlet = :outlet AND pollutant = :pollutant
                          AND measured_at >= :from AND measured_at < :to
                        GROUP BY 1 ORDER BY 1""")
                .bind("unit", unit).bind("zone", zone).bind("code", enterpriseCode).bind("outlet", outlet)
                .bind("pollutant", pollutant).bind("from", from).bind("to", to)
                .map(row -> new Mean(row.get("period", LocalDateTime.class).atZone(bureau).toOffsetDateTime(),
                        row.get("mean", Double.class),
                        row.get("low", Double.class), row.get("high", Double.class),
                        row.get("permitted", Double.class), row.get("readings", Long.class),
                        row.get("exceeding", Long.class), row.get("flagged", Long.class)))
                .all();
    }

    /**
     * Judges the series' closed periods not judged yet: every period after the last judged one that ends at or
     * before the period of the series' latest reading (of any flag). Means are of valid data only; each period is
     * judged once (late data for a judged period stays in the means query but does not judge it again). Returns
     * the newly judged means in time order.
     */
    Flux<JudgedMean> judge(Reading.Series series, Averaging averaging, String zone) {
        return db.sql("""
                        WITH latest AS (
                            SELECT date_trunc(:unit, max(measured_at) AT TIME ZONE :zone) AS open_period
                            FROM monitoring_reading
                            WHERE enterprise_code = :code AND outlet = :outlet AND pollutant = :pollutant),
                        judged AS (
                            SELECT max(period_start) AT TIME ZONE :zone AS last_period FROM compliance_mean
                            WHERE enterprise_code = :code AND outlet = :outlet AND pollutant = :pollutant
                              AND averaging = :averaging),
                        periods AS (
                            SELECT date_trunc(:unit, r.measured_at AT TIME ZONE :zone) AS period,
                                   avg(r.concentration) AS mean, max(r.permitted) AS permitted, count(*) AS n,
                                   avg(r.concentration * r.flow) AS mean_load
                            FROM monitoring_reading r, latest, judged
                            WHERE r.enterprise_code = :code AND r.outlet = :outlet AND r.pollutant = :pollutant
                              AND r.flag = 'N' AND NOT r.without_permit
                              AND r.measured_at < latest.open_period AT TIME ZONE :zone
                              AND (judged.last_period IS NULL
                                   OR r.measured_at
                                      >= (judged.last_period + CAST(:step AS interval)) AT TIME ZONE :zone)
                            GROUP BY 1)
                        INSERT INTO compliance_mean (enterprise_code, outlet, pollutant, averaging, period_start, mean,
                                                     permitted, valid_readings, exceeds, load)
                        SELECT :code, :outlet, :pollutant, :averaging, period AT TIME ZONE :zone, mean, permitted, n,
                               mean > permitted, mean_load * :hours
                        FROM periods
                        ON CONFLICT DO NOTHING
                        RETURNING period_start, mean, permitted, exceeds""")
                .bind("unit", averaging.unit()).bind("zone", zone).bind("code", series.enterpriseCode())
                .bind("outlet", series.outlet()).bind("pollutant", series.pollutant())
                .bind("averaging", averaging.name()).bind("step", "1 " + averaging.unit())
                .bind("hours", (double) averaging.length().toHours())
                .map(row -> new JudgedMean(series, averaging, row.get("period_start", Instant.class),
                        row.get("mean", Double.class), row.get("permitted", Double.class),
                        Boolean.TRUE.equals(row.get("exceeds", Boolean.class))))
                .all()
                .sort(java.util.Comparator.comparing(JudgedMean::periodStart));
    }

    /** How many days of the window ending on {@code day} a series' daily mean was over its limit. */
    Mono<Long> daysOver(Reading.Series series, Instant windowFrom, Instant windowTo) {
        return db.sql("""
                        SELECT count(*) AS n FROM compliance_mean
                        WHERE enterprise_code = :code AND outlet = :outlet AND pollutant = :pollutant
                          AND averaging = 'DAY' AND exceeds AND period_start >= :from AND period_start < :to""")
                .bind("code", series.enterpriseCode()).bind("outlet", series.outlet())
                .bind("pollutant", series.pollutant()).bind("from", windowFrom).bind("to", windowTo)
                .map(row -> row.get("n", Long.class)).one();
    }

    /** Records a trigger unless the series had one in the window; true when recorded. */
    Mono<Boolean> recordTrigger(Reading.Series series, LocalDate windowEnd, int windowDays, int daysOver) {
        return db.sql("""
                        INSERT INTO supervision_trigger (enterprise_code, outlet, pollutant, window_end, days_over)
                        SELECT :code, :outlet, :pollutant, :end, :days
                        WHERE NOT EXISTS (SELECT 1 FROM supervision_trigger
                            WHERE enterprise_code = :code AND outlet = :outlet AND pollutant = :pollutant
                              AND window_end > :end - CAST(:window AS integer))""")
                .bind("code", series.enterpriseCode()).bind("outlet", series.outlet())
                .bind("pollutant", series.pollutant()).bind("end", windowEnd).bind("days", daysOver)
                .bind("window", windowDays)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    Flux<UnpermittedEpisode> openUnpermitted(Collection<String> codes) {
        return db.sql("""
                        SELECT id, enterprise_code, outlet, started_at, last_reading, ended_at, readings
                        FROM unpermitted_discharge_episode
                        WHERE ended_at IS NULL AND enterprise_code = ANY(:codes)""")
                .bind("codes", codes.toArray(String[]::new))
                .map(MonitoringRepository::readUnpermitted).all();
    }

    Mono<Void> insert(UnpermittedEpisode episode) {
        return db.sql("""
                        INSERT INTO unpermitted_discharge_episode (id, enterprise_code, outlet, started_at,
                            last_reading, ended_at, readings)
                        VALUES (:id, :code, :outlet, :started, :last, :ended, :readings)""")
                .bind("id", episode.id()).bind("code", episode.enterpriseCode()).bind("outlet", episode.outlet())
                .bind("started", episode.startedAt()).bind("last", episode.lastReading())
                .bind("ended", Parameter.fromOrEmpty(episode.endedAt(), Instant.class))
                .bind("readings", episode.readings()).then();
    }

    Mono<Void> update(UnpermittedEpisode episode) {
        return db.sql("""
                        UPDATE unpermitted_discharge_episode SET started_at = :started, last_reading = :last,
                            ended_at = :ended, readings = :readings
                        WHERE id = :id""")
                .bind("id", episode.id()).bind("started", episode.startedAt()).bind("last", episode.lastReading())
                .bind("ended", Parameter.fromOrEmpty(episode.endedAt(), Instant.class))
                .bind("readings", episode.readings()).then();
    }

    Flux<UnpermittedEpisode> unpermittedEpisodes(String enterpriseCode, Instant from) {
        return db.sql("""
                        SELECT id, enterprise_code, outlet, started_at, last_reading, ended_at, readings
                        FROM unpermitted_discharge_episode WHERE enterprise_code = :code AND started_at >= :from
                        ORDER BY started_at DESC""")
                .bind("code", enterpriseCode).bind("from", from)
                .map(MonitoringRepository::readUnpermitted).all();
    }

    private static UnpermittedEpisode readUnpermitted(Readable row) {
        return new UnpermittedEpisode(row.get("id", UUID.class), row.get("enterprise_code", String.class),
                row.get("outlet", String.class), row.get("started_at", Instant.class),
                row.get("last_reading", Instant.class), row.get("ended_at", Instant.class),
                row.get("readings", Integer.class));
    }

    private static Episode readEpisode(Readable row) {
        return new Episode(row.get("id", UUID.class), row.get("enterprise_code", String.class),
                row.get("outlet", String.class), row.get("pollutant", String.class),
                row.get("permitted", Double.class), row.get("started_at", Instant.class),
                row.get("last_exceeding", Instant.class), row.get("ended_at", Instant.class),
                row.get("peak", Double.class), row.get("readings", Integer.class));
    }
}
