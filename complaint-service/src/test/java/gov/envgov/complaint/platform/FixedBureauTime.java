package gov.envgov.complaint.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import gov.envgov.support.calendar.BureauTime;

/**
 * Import beside {@link WebSliceSecurity} into a {@code @WebFluxTest} whose controller reads the bureau's time: the
 * bureau's time zone with the clock fixed at 2 March 2026, 10:00 in Shanghai.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedBureauTime {

    public static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @Bean
    BureauTime bureauTime() {
        return new BureauTime(Clock.fixed(NOW, ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"));
    }
}
