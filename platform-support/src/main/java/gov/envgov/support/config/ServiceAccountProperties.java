package gov.envgov.support.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own Keycloak client (client-credentials grant), used to read other services' feeds.
 *
 * @param clientId     the confidential client id, e.g. {@code complaint-service}
 * @param clientSecret its secret
 * @param tokenUri     the realm's token endpoint
 */
@ConfigurationProperties("envgov.service-account")
public record ServiceAccountProperties(String clientId, String clientSecret, String tokenUri) {
}
