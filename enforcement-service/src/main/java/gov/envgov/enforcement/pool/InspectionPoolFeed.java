package gov.envgov.enforcement.pool;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.events.EventHandler;
import gov.envgov.support.events.FeedSubscription;
import tools.jackson.databind.json.JsonMapper;

/** Keeps the inspection pool in step with permit-service's enterprise registry. */
@Configuration(proxyBeanMethods = false)
public class InspectionPoolFeed {

    @Bean
    FeedSubscription inspectionPoolSubscription(PoolRepository pool, JsonMapper json) {
        EventHandler upsert = event -> pool.upsert(json.treeToValue(event.payload().get("enterprise"),
                PoolEntity.class));
        return new FeedSubscription("inspection-pool", "permit-service",
                Map.of("EnterpriseRegistered", upsert, "EnterpriseChanged", upsert));
    }
}
