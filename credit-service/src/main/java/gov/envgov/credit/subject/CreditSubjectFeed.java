package gov.envgov.credit.subject;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.envgov.support.events.EventHandler;
import gov.envgov.support.events.FeedSubscription;
import tools.jackson.databind.json.JsonMapper;

/** Keeps credit subjects in step with permit-service's enterprise registry. */
@Configuration(proxyBeanMethods = false)
public class CreditSubjectFeed {

    @Bean
    FeedSubscription creditSubjectSubscription(CreditSubjectRepository subjects, JsonMapper json) {
        EventHandler upsert = event -> subjects.upsert(json.treeToValue(event.payload().get("enterprise"),
                CreditSubject.class));
        return new FeedSubscription("credit-subjects", "permit-service",
                Map.of("EnterpriseRegistered", upsert, "EnterpriseChanged", upsert));
    }
}
