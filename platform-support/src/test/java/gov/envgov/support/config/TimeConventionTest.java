package gov.envgov.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

@DisplayName("API-TIME-CONVENTION: ISO 8601 with the bureau's offset, whole seconds or milliseconds at most")
class TimeConventionTest {

    private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");
    private final JsonMapper json = JsonMapper.builder().addModule(TimeConvention.jacksonModule(BUREAU)).build();

    @Test
    void instantsAreWrittenInTheBureausOffsetWithAtMostMilliseconds() {
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("whole", Instant.parse("2026-04-01T01:30:00Z"));
        times.put("nanos", Instant.parse("2026-04-01T01:30:00.123456789Z"));
        times.put("millis", Instant.parse("2026-04-01T01:30:00.250Z"));
        times.put("offset", OffsetDateTime.of(2026, 4, 1, 1, 30, 0, 0, ZoneOffset.UTC));
        times.put("zoned", Instant.parse("2026-04-01T16:30:00.000900Z").atZone(ZoneId.of("Europe/Berlin")));

        assertThat(json.writeValueAsString(times)).isEqualTo("{\"whole\":\"2026-04-01T09:30:00+08:00\","
                + "\"nanos\":\"2026-04-01T09:30:00.123+08:00\",\"millis\":\"2026-04-01T09:30:00.250+08:00\","
                + "\"offset\":\"2026-04-01T09:30:00+08:00\",\"zoned\":\"2026-04-02T00:30:00+08:00\"}");
    }

    @Test
    void whatIsWrittenReadsBackAsTheSameInstant() {
        Instant at = Instant.parse("2026-12-31T16:59:59.999Z");
        String written = json.writeValueAsString(at);
        assertThat(written).isEqualTo("\"2027-01-01T00:59:59.999+08:00\"");
        assertThat(json.readValue(written, Instant.class)).isEqualTo(at);
        assertThat(json.readValue(written, OffsetDateTime.class).toInstant()).isEqualTo(at);
    }

    @Test
    void theApiDescriptionsSentenceNamesTheOffsetAndThePrecision() {
        assertThat(TimeConvention.sentence(BUREAU)).contains("+08:00", "Asia/Shanghai", "milliseconds at most",
                "2026-04-01T09:30:00+08:00");
        assertThat(TimeConvention.format(Instant.parse("2026-04-01T01:30:00.000999Z"), BUREAU))
                .isEqualTo("2026-04-01T09:30:00+08:00");
    }
}
