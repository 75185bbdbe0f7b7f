package gov.envgov.complaint.enterprise;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.events.EventHandler;
import gov.envgov.support.events.FeedSubscription;
import tools.jackson.databind.json.JsonMapper;

/** Subscribes the directory to permit-service's enterprise events. */
@Configuration(proxyBeanMethods = false)
public class EnterpriseDirectoryFeed {

    @Bean
    FeedSubscription enterpriseDirectorySubscription(EnterpriseDirectory directory, JsonMapper json) {
        EventHandler upsert = event -> directory.upsert(
                json.treeToValue(event.payload().get("enterprise"), KnownEnterprise.class));
        return new FeedSubscription("enterprise-directory", "permit-service",
                Map.of("EnterpriseRegistered", upsert, "EnterpriseChanged", upsert));
    }
}
