package gov.envgov.permit.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-10T08:20:00+08:00", "2026-03-10T00:20:00Z", "2026-03-10T00:20Z",
            "2026-03-10T08:20+08:00", "2024-02-29T23:59:59.999999999-05:30", "2026-12-31T23:59:59.5Z",
            "1999-01-01T00:00:00.123+14:00"})
    void agreesWithTheGeneralParser(String text) {
        assertThat(IsoInstant.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-10T24:00:00Z",
            "2026-03-10T00:60:00Z", "2026-03-10 00:00:00Z", "2026-03-10T00:00:00", "2026-03-10T00:00:00+0800",
            "2026-03-10T00:00:00.Z", "20260310T000000Z", "2026-03-10T0a:00:00Z", "yesterday", "2026-03-10T00:00:00Zx"})
    void answersNullForAnythingElse(String text) {
        assertThat(IsoInstant.parse(text)).isNull();
    }

    @Test
    void epochDaysAgreeWithLocalDateOverFourCenturies() {
        for (java.time.LocalDate day = java.time.LocalDate.of(1800, 1, 1); day.getYear() < 2200;
             day = day.plusDays(1)) {
            assertThat(IsoInstant.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth()))
                    .isEqualTo(day.toEpochDay());
        }
        assertThat(IsoInstant.parse("2100-02-29T00:00:00Z")).isNull();
        assertThat(IsoInstant.parse("2000-02-29T00:00:00Z")).isEqualTo(Instant.parse("2000-02-29T00:00:00Z"));
    }

    @Test
    void theBatchParserFallsBackToTheGeneralParser() {
        assertThat(IsoInstant.parse("2026-03-10t00:00:00Z")).isNull();
        assertThat(ReadingBatchParser.instant("2026-03-10t00:00:00Z")).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(ReadingBatchParser.instant("2026-03-10")).isNull();
        assertThat(ReadingBatchParser.instant("2026-03-10T08:00:00+08:00"))
                .isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
    }
}
