package gov.envgov.complaint.routing;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import gov.envgov.complaint.complaint.ComplaintProperties;
import gov.envgov.complaint.complaint.ComplaintResponse;
import gov.envgov.complaint.complaint.ComplaintStore;
import gov.envgov.complaint.complaint.ComplaintStore.Step;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.security.CurrentUser;
import reactor.core.publisher.Mono;

/** Dispatch (转办) to the unit the routing rules pick, or to the one an operator chose. */
@Service
public class DispatchService {

    private final ComplaintStore store;
    private final RoutingRules routing;
    private final BureauTime time;

    DispatchService(ComplaintStore store, ComplaintProperties properties, BureauTime time) {
        this.store = store;
        this.routing = new RoutingRules(properties.routing(), properties.defaultUnit());
        this.time = time;
    }

    /**
     * To {@code unit}, or the one the rules pick; a returned complaint goes back to the unit that returned it only
     * with {@code override} (audited).
     */
    public Mono<ComplaintResponse> dispatch(UUID id, @Nullable String unit, boolean override, CurrentUser operator) {
        return store.transition(id, operator, "dispatch", complaint -> {
            String target = routing.unitFor(complaint, unit);
            return Step.of(complaint.dispatch(target, override, time.now()),
                    override ? Map.of("unit", target, "override", true) : Map.of("unit", target));
        });
    }
}
