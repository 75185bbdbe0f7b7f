package gov.envgov.permit.review;

import org.springframework.stereotype.Component;

import gov.envgov.support.schedule.ClockTask;
import reactor.core.publisher.Mono;

/** Deemed acceptance (3-day rule), as the days pass. */
@Component
class ReviewClockTask implements ClockTask {

    private final ReviewService service;

    ReviewClockTask(ReviewService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "permit review clock";
    }

    @Override
    public Mono<Long> run() {
        return service.deemAccepted();
    }
}
