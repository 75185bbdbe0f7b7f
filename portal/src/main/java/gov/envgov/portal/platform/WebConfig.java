package gov.envgov.portal.platform;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/** The session cookie, the language of the pages, and who a request comes from. */
@Configuration(proxyBeanMethods = false)
class WebConfig {

    static final String SESSION_COOKIE = "ENVGOV_SESSION";
    static final String LANGUAGE_COOKIE = "lang";

    /** The only cookie that identifies a person: HttpOnly, SameSite=Lax (the login redirect must carry it), Secure. */
    @Bean
    WebSessionIdResolver webSessionIdResolver(PortalProperties properties) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(SESSION_COOKIE);
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true).secure(properties.secureCookie())
                .sameSite("Lax").path("/"));
        return resolver;
    }

    /** Every request carries its client address, decided before forwarded headers apply ({@link ClientAddress}). */
    @Bean
    HttpHandlerDecoratorFactory clientAddresses(PortalProperties properties) {
        return new ClientAddress(properties.trustedProxies())::stamp;
    }

    /** Chinese first; {@code ?lang=en} (the switch in every page's header) or {@code ?lang=zh} is kept in a cookie. */
    @Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver() {
        return new LanguageSwitch();
    }

    static final class LanguageSwitch implements LocaleContextResolver {

        @Override
        public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
            String asked = exchange.getRequest().getQueryParams().getFirst("lang");
            if (asked != null && (asked.equals("en") || asked.equals("zh"))) {
                exchange.getResponse().addCookie(ResponseCookie.from(LANGUAGE_COOKIE, asked).path("/")
                        .maxAge(Duration.ofDays(365)).sameSite("Lax").build());
                return new SimpleLocaleContext(locale(asked));
            }
            var cookie = exchange.getRequest().getCookies().getFirst(LANGUAGE_COOKIE);
            return new SimpleLocaleContext(locale(cookie == null ? "zh" : cookie.getValue()));
        }

        @Override
        public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
            throw new UnsupportedOperationException("the language is switched by ?lang=");
        }

        private static Locale locale(String language) {
            return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        }
    }
}
