package gov.envgov.support.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.support.audit.AuditAnchors;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.calendar.CalendarRevisions;
import gov.envgov.support.calendar.HolidayScheduleLoader;
import gov.envgov.support.calendar.WorkingDayCalendar;
import gov.envgov.support.events.EventFeed;
import gov.envgov.support.events.EventFeedController;
import gov.envgov.support.events.FeedConsumerProperties;
import gov.envgov.support.events.Outbox;
import gov.envgov.support.problem.ProblemAdvice;
import gov.envgov.support.problem.ProblemWebExceptionHandler;
import gov.envgov.support.reference.Districts;
import gov.envgov.support.schedule.ClockSchedule;
import gov.envgov.support.schedule.ClockTask;
import gov.envgov.support.security.JwtSupport;
import gov.envgov.support.security.PlatformSecurity;
import gov.envgov.support.security.SecurityProperties;
import gov.envgov.support.web.InputProperties;
import gov.envgov.support.web.RequestLogging;
import tools.jackson.databind.json.JsonMapper;

/** Wires the shared pieces into every service that has this module on its classpath. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"},
        beforeName = {
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive."
                        + "ReactiveOAuth2ResourceServerAutoConfiguration",
                // Our ProblemAdvice replaces Boot's ProblemDetailsExceptionHandler, which backs off when it exists.
                "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration"})
@EnableConfigurationProperties({SecurityProperties.class, Districts.class, FeedConsumerProperties.class,
        ServiceAccountProperties.class, InputProperties.class})
@Import({PlatformAutoConfiguration.Persistence.class, PlatformAutoConfiguration.Feed.class, FeedConsumers.Wiring.class,
        WebInput.class, ApiDescription.class, ApiProblemResponses.Wiring.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The security firewall's refusals as problems (ERR-CONTROL-CHARS). */
    @Bean
    static BeanPostProcessor firewallProblems() {
        return PlatformSecurity.firewallProblems();
    }

    @Bean
    ProblemAdvice problemAdvice(InputProperties properties) {
        return new ProblemAdvice(properties.outage().retryAfter());
    }

    /** The bureau's time zone: local dates (due dates, tracking codes, statistics) are counted in it. */
    @Bean
    @ConditionalOnMissingBean
    ZoneId bureauZone(@Value("${envgov.calendar.zone:Asia/Shanghai}") String zone) {
        return ZoneId.of(zone);
    }

    /**
     * {@code @PastOrPresent} and {@code @FutureOrPresent} on a date compare with today in the bureau's zone, by the
     * service's clock: a day that has begun in the bureau is not "in the future" because it has not yet in UTC.
     */
    @Bean
    ValidationConfigurationCustomizer bureauValidationClock(Clock clock, ZoneId bureauZone) {
        return configuration -> configuration.clockProvider(() -> Clock.fixed(clock.instant(), bureauZone));
    }

    @Bean
    BureauTime bureauTime(Clock clock, ZoneId bureauZone) {
        return new BureauTime(clock, bureauZone);
    }

    /** Every time an API answers in the bureau's offset, milliseconds at most (API-TIME-CONVENTION). */
    @Bean
    JsonMapperBuilderCustomizer bureauTimesInJson(ZoneId bureauZone) {
        return builder -> builder.addModule(TimeConvention.jacksonModule(bureauZone));
    }

    /**
     * The one clock of a service: runs its {@link ClockTask}s. Every service has the same switch and interval
     * ({@code envgov.clock.enabled}, {@code envgov.clock.interval}).
     */
    @Bean
    @ConditionalOnProperty(name = "envgov.clock.enabled", havingValue = "true", matchIfMissing = true)
    ClockSchedule clockSchedule(List<ClockTask> tasks,
                                @Value("${envgov.clock.initial-delay:5s}") Duration initialDelay,
                                @Value("${envgov.clock.interval:1m}") Duration interval) {
        return new ClockSchedule(tasks, initialDelay, interval);
    }

    @Bean
    RequestLogging requestLogging() {
        return new RequestLogging();
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(InputProperties properties) {
        return new ProblemWebExceptionHandler(properties.outage().retryAfter());
    }

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
        return JwtSupport.decoder(properties);
    }

    @Bean
    PlatformSecurity platformSecurity(SecurityProperties properties, ReactiveJwtDecoder decoder) {
        return new PlatformSecurity(properties, decoder);
    }

    @Bean
    WorkingDayCalendar workingDayCalendar(
            @Value("${envgov.calendar.locations:classpath*:calendar/holidays-*.yaml}") List<String> locations) {
        return new WorkingDayCalendar(HolidayScheduleLoader.load(new ArrayList<>(locations)));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.r2dbc.core.DatabaseClient")
    @ConditionalOnBean(DatabaseClient.class)
    static class Persistence {

        @Bean
        Outbox outbox(DatabaseClient db, JsonMapper json, Clock clock) {
            return new Outbox(db, json, clock);
        }

        @Bean
        @ConditionalOnMissingBean
        TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
            return TransactionalOperator.create(transactionManager);
        }

        @Bean
        AuditTrail auditTrail(DatabaseClient db, JsonMapper json, Clock clock) {
            return new AuditTrail(db, json, clock);
        }

        /** Which years of the calendar changed since a consumer last computed its stored due dates. */
        @Bean
        CalendarRevisions calendarRevisions(DatabaseClient db, WorkingDayCalendar calendar, Clock clock) {
            return new CalendarRevisions(db, calendar, clock);
        }

        /**
         * Anchors the audit chains at the clock's interval (a {@code ClockTask}), where a service switches it on
         * ({@code envgov.audit.anchor.enabled}): each run reads every chain's head, which a service with a million
         * records should not do every minute without need.
         */
        @Bean
        @ConditionalOnProperty(name = "envgov.audit.anchor.enabled", havingValue = "true")
        AuditAnchors auditAnchors(DatabaseClient db, ReactiveTransactionManager transactionManager, Outbox outbox,
                                  AuditTrail trail, Clock clock) {
            return new AuditAnchors(db, TransactionalOperator.create(transactionManager), outbox, trail, clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.r2dbc.core.DatabaseClient")
    @ConditionalOnBean(DatabaseClient.class)
    @ConditionalOnProperty(name = "envgov.events.feed.enabled", havingValue = "true", matchIfMissing = true)
    @Import(EventFeedController.class)
    static class Feed {

        @Bean
        EventFeed eventFeed(DatabaseClient db, ReactiveTransactionManager transactionManager, JsonMapper json) {
            return new EventFeed(db, TransactionalOperator.create(transactionManager), json);
        }
    }
}
