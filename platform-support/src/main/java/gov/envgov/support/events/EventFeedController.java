package gov.envgov.support.events;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

/** {@code GET /internal/events?after=&limit=}: the service's event feed, for service accounts only. */
@RestController
@RequestMapping("/internal/events")
@Hidden
public class EventFeedController {

    private final EventFeed feed;

    EventFeedController(EventFeed feed) {
        this.feed = feed;
    }

    @GetMapping
    Mono<FeedPage> events(@RequestParam(defaultValue = "0") @Min(0) long after,
                          @RequestParam(defaultValue = "500") @Min(1) @Max(5000) int limit) {
        return feed.read(after, limit);
    }
}
