package gov.envgov.support.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The one test clock of every service: set by hand, to fix the day a test runs on or to let deadlines pass. Import
 * {@link Config} to make it the service's clock; it starts on Thursday 12 February 2026, 10:00 in Beijing (before
 * the Spring Festival).
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Sets the time to 10:00 in Beijing on that day. */
    public void setDay(String isoDate) {
        now = Instant.parse(isoDate + "T02:00:00Z");
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-02-12T02:00:00Z"));
        }
    }
}
