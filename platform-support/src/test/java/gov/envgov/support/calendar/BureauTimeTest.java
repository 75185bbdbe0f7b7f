package gov.envgov.support.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class BureauTimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void todayIsTheBureausDateNotTheServersUtcDate() {
        Instant lateEveningUtc = Instant.parse("2026-12-01T16:30:00Z");
        BureauTime time = new BureauTime(Clock.fixed(lateEveningUtc, ZoneOffset.UTC), SHANGHAI);
        assertThat(time.today()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(time.now()).isEqualTo(lateEveningUtc);
        assertThat(time.dateOf(Instant.parse("2026-12-01T15:59:59Z"))).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(time.dateOf(Instant.parse("2026-12-01T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 2));
    }
}
