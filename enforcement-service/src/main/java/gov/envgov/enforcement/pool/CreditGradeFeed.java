package gov.envgov.enforcement.pool;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.events.EventHandler;
import gov.envgov.support.events.FeedEvent;
import gov.envgov.support.events.FeedSubscription;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Credit grades from credit-service's feed ({@code CreditGradePublished}) into the pool's {@code credit_grade}, which
 * the draw weights read (分级分类监管). A tolerant reader: it needs {@code creditCode}, {@code grade} and
 * {@code period} ({@code version} defaults to 0) and passes over an event without them. Until credit-service answers,
 * the consumer only backs off and retries, and every unit keeps the default weight.
 */
@Configuration(proxyBeanMethods = false)
public class CreditGradeFeed {

    private static final Logger log = LoggerFactory.getLogger(CreditGradeFeed.class);

    @Bean
    FeedSubscription creditGradeSubscription(PoolRepository pool) {
        EventHandler grade = (FeedEvent event) -> {
            JsonNode payload = event.payload();
            String code = text(payload, "creditCode");
            String published = text(payload, "grade");
            String period = text(payload, "period");
            if (code == null || published == null || period == null) {
                log.warn("CreditGradePublished {} without creditCode, grade or period: passed over", event.eventId());
                return Mono.empty();
            }
            JsonNode version = payload.get("version");
            long number = version == null || !version.canConvertToLong() ? 0 : version.longValue();
            return pool.updateCreditGrade(code, published, period, number).then();
        };
        return new FeedSubscription("inspection-pool-credit", "credit-service", Map.of("CreditGradePublished", grade));
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload == null ? null : payload.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString().strip();
    }
}
