package gov.envgov.portal.platform;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Whether Keycloak answers, asked before a browser is sent to its login page: one GET of the realm's keys, which
 * must answer within the probe timeout with anything but a server error. A frozen Keycloak still accepts TCP
 * connections (the kernel does), so only an HTTP answer counts. One result stands for the cache time, and requests
 * arriving while a check runs wait for that check instead of starting their own.
 */
public final class KeycloakReachability {

    private static final Logger log = LoggerFactory.getLogger(KeycloakReachability.class);

    private final Mono<Boolean> reachable;
    private final AtomicBoolean lastSeenUp = new AtomicBoolean(true);

    public KeycloakReachability(WebClient keycloak, Mono<URI> probe, Duration timeout, Duration cacheFor) {
        this.reachable = probe
                .flatMap(uri -> keycloak.get().uri(uri).exchangeToMono(response -> response.releaseBody()
                        .thenReturn(!response.statusCode().is5xxServerError())))
                .timeout(timeout)
                .onErrorResume(error -> {
                    if (lastSeenUp.get()) {
                        log.warn("Keycloak unreachable, sign-in answers 'unavailable': {}", error.toString());
                    }
                    return Mono.just(false);
                })
                .defaultIfEmpty(false)
                .doOnNext(up -> {
                    if (lastSeenUp.getAndSet(up) != up && up) {
                        log.info("Keycloak reachable again, sign-in resumes");
                    }
                })
                .cache(answer -> cacheFor, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<Boolean> reachable() {
        return reachable;
    }
}
