package gov.envgov.portal.platform;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** What every page's layout needs: the CSRF token for its forms, who is signed in, the language, the districts. */
@ControllerAdvice
class PageModel {

    private final PortalProperties properties;

    PageModel(PortalProperties properties) {
        this.properties = properties;
    }

    /** The signed-in person as the header shows them; {@code anonymous} when nobody is. */
    public record Viewer(boolean signedIn, String name, Set<String> roles) {

        static final Viewer ANONYMOUS = new Viewer(false, "", Set.of());

        public boolean has(String role) {
            return roles.contains(role);
        }
    }

    /** The public pages with a form a visitor posts; every other page's forms are for signed-in people. */
    static final Set<String> VISITOR_FORMS = Set.of("/report", "/track", "/track/follow-up");

    /**
     * The CSRF token, for pages that have a form their reader may post. The token lives in the session, so asking
     * for it starts one: a visitor who only reads public pages gets no session at all (a crawler cannot fill the
     * session store).
     */
    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return Mono.empty();
        }
        if (VISITOR_FORMS.contains(exchange.getRequest().getPath().value())) {
            return token;
        }
        return exchange.getPrincipal().flatMap(signedIn -> token);
    }

    @ModelAttribute("viewer")
    Mono<Viewer> viewer() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .filter(authentication -> authentication.getPrincipal() instanceof OidcUser)
                .map(authentication -> {
                    OidcUser user = (OidcUser) authentication.getPrincipal();
                    Set<String> roles = authentication.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .filter(name -> name.startsWith("ROLE_"))
                            .map(name -> name.substring("ROLE_".length()))
                            .collect(Collectors.toSet());
                    String name = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getName();
                    return new Viewer(true, name, roles);
                })
                .defaultIfEmpty(Viewer.ANONYMOUS);
    }

    @ModelAttribute("english")
    boolean english(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /** What a complaint can be about, as complaint-service names it. */
    static final List<String> CATEGORIES = List.of("AIR", "WATER", "NOISE", "SOLID_WASTE", "ODOUR", "RADIATION",
            "ECOLOGY", "OTHER");

    @ModelAttribute("categories")
    List<String> categories() {
        return CATEGORIES;
    }

    @ModelAttribute("districts")
    List<String> districts() {
        return properties.districts();
    }

    /** Where the language switch leads: this page, or after a form's POST the page the form belongs to. */
    @ModelAttribute("path")
    String path(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        if (org.springframework.http.HttpMethod.GET.equals(exchange.getRequest().getMethod())) {
            return path;
        }
        var page = OBJECT_PAGE.matcher(path);
        if (page.find()) {
            return page.group(1);
        }
        for (String section : List.of("/enterprise/credit", "/enterprise/monitoring", "/enterprise", "/credit",
                "/admin", "/inspection", "/hotline", "/report", "/track")) {
            if (path.startsWith(section)) {
                return section;
            }
        }
        return "/";
    }

    private static final java.util.regex.Pattern OBJECT_PAGE = java.util.regex.Pattern.compile(
            "^(.*/(?:complaints|permits|cases|clues|draws|tasks)/[^/]+)/");

    @ModelAttribute("pageSize")
    int pageSize() {
        return properties.pageSize();
    }
}
