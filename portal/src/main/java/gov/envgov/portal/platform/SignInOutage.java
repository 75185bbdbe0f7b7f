package gov.envgov.portal.platform;

import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sign-in while Keycloak is down or frozen (rule PORTAL-LOGIN-OUTAGE): instead of sending the browser to a login
 * page that never loads, or holding the callback until the browser gives up, the portal answers its
 * "sign-in unavailable" page at once, with 503 and {@code Retry-After}. Public pages never call Keycloak, and a
 * signed-in session needs it only to refresh its token, so both keep working.
 */
@Component
class SignInOutage {

    static final String TEMPLATE = "sign-in-unavailable";

    private static final Logger log = LoggerFactory.getLogger(SignInOutage.class);

    private final ObjectProvider<ViewResolver> views;
    private final KeycloakReachability keycloak;
    private final Duration retryAfter;

    SignInOutage(ObjectProvider<ViewResolver> views, KeycloakReachability keycloak, SignInProperties signIn) {
        this.views = views;
        this.keycloak = keycloak;
        this.retryAfter = signIn.retryAfter();
    }

    /** Keycloak did not answer the portal (as opposed to answering that the sign-in is wrong). */
    static final class KeycloakUnavailable extends AuthenticationException {
        @Serial
        private static final long serialVersionUID = 1L;

        KeycloakUnavailable(Throwable cause) {
            super("Keycloak did not answer", cause);
        }
    }

    /**
     * Before {@code /oauth2/authorization/{id}} redirects to Keycloak's login (the sign-in link, and where every
     * signed-in page sends a visitor): only when Keycloak answers.
     */
    WebFilter beforeRedirectToKeycloak() {
        ServerWebExchangeMatcher authorization =
                ServerWebExchangeMatchers.pathMatchers("/oauth2/authorization/{registrationId}");
        return (exchange, chain) -> authorization.matches(exchange)
                .flatMap(match -> match.isMatch() ? keycloak.reachable() : Mono.just(true))
                .flatMap(reachable -> reachable ? chain.filter(exchange) : render(exchange));
    }

    /** At the callback: Keycloak not answering shows the outage page; any other failure goes where it always went. */
    ServerAuthenticationFailureHandler atCallback() {
        ServerAuthenticationFailureHandler otherwise = new RedirectServerAuthenticationFailureHandler("/login?error");
        return (filterExchange, failure) -> {
            if (!isOutage(failure)) {
                return otherwise.onAuthenticationFailure(filterExchange, failure);
            }
            log.warn("sign-in callback: Keycloak did not answer in time: {}", failure.toString());
            return render(filterExchange.getExchange());
        };
    }

    /**
     * Whether a failure is Keycloak not answering: a connection refused or timed out anywhere in its causes (Spring
     * Security wraps those of the keys and of user info in its own exceptions, keeping the cause).
     */
    static boolean isOutage(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (cause instanceof KeycloakUnavailable || cause instanceof WebClientRequestException
                    || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    Mono<Void> render(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
        Locale asked = exchange.getLocaleContext().getLocale();
        Locale locale = asked == null ? Locale.SIMPLIFIED_CHINESE : asked;
        // The page is for someone who is not signed in: the header shows the sign-in link, which is the retry.
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("viewer", PageModel.Viewer.ANONYMOUS);
        model.put("english", Locale.ENGLISH.getLanguage().equals(locale.getLanguage()));
        model.put("path", "/");
        model.put("retryMinutes", Math.max(1, (retryAfter.toSeconds() + 59) / 60));
        return Flux.fromStream(views.orderedStream())
                .concatMap(resolver -> resolver.resolveViewName(TEMPLATE, locale))
                .next()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no view " + TEMPLATE)))
                .flatMap(view -> view.render(model, new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8),
                        exchange));
    }
}
