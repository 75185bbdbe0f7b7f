package gov.envgov.support.config;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.client.WebClient;

import gov.envgov.support.events.FeedConsumer;
import gov.envgov.support.events.FeedConsumerProperties;
import gov.envgov.support.events.FeedSubscription;
import gov.envgov.support.events.HttpFeedSource;

/** Starts one {@link FeedConsumer} per {@link FeedSubscription} bean once the service is up, stops them on shutdown. */
public class FeedConsumers implements SmartLifecycle {

    private final List<FeedConsumer> consumers;
    private final boolean enabled;
    private volatile boolean running;

    /** With {@code enabled} false (service tests drive consumers by hand) nothing is started. */
    public FeedConsumers(List<FeedConsumer> consumers, boolean enabled) {
        this.consumers = List.copyOf(consumers);
        this.enabled = enabled;
    }

    public List<FeedConsumer> consumers() {
        return consumers;
    }

    @Override
    public void start() {
        if (enabled) {
            consumers.forEach(FeedConsumer::start);
        }
        running = true;
    }

    @Override
    public void stop() {
        consumers.forEach(FeedConsumer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // After the web server: a consumer may start pulling once the service itself can answer.
        return Integer.MAX_VALUE - 100;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(FeedSubscription.class)
    static class Wiring {

        /** Calls other services through Eureka with this service's own client-credentials token. */
        @Bean
        WebClient feedWebClient(ServiceAccountProperties account,
                                ObjectProvider<ReactorLoadBalancerExchangeFilterFunction> loadBalancer) {
            ClientRegistration registration = ClientRegistration.withRegistrationId("envgov-service")
                    .clientId(account.clientId())
                    .clientSecret(account.clientSecret())
                    .tokenUri(account.tokenUri())
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .build();
            var registrations = new InMemoryReactiveClientRegistrationRepository(registration);
            var manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
                    new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
            var oauth = new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
            oauth.setDefaultClientRegistrationId("envgov-service");
            WebClient.Builder builder = WebClient.builder()
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                    .filter(oauth);
            loadBalancer.ifAvailable(builder::filter);
            return builder.build();
        }

        @Bean
        FeedConsumers feedConsumers(List<FeedSubscription> subscriptions, WebClient feedWebClient, DatabaseClient db,
                                    ReactiveTransactionManager transactionManager,
                                    FeedConsumerProperties properties) {
            TransactionalOperator transactions = TransactionalOperator.create(transactionManager);
            List<FeedConsumer> consumers = subscriptions.stream()
                    .map(subscription -> new FeedConsumer(subscription,
                            new HttpFeedSource(subscription.producer(), feedWebClient), db, transactions,
                            properties))
                    .toList();
            return new FeedConsumers(consumers, properties.enabled());
        }
    }
}
