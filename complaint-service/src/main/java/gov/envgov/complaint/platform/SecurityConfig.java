package gov.envgov.complaint.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import gov.envgov.support.security.PlatformSecurity;
import gov.envgov.support.security.Roles;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, PlatformSecurity platform) {
        return platform.chain(http, rules -> rules
                .pathMatchers("/api/open311/clients", "/api/open311/clients/**").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/complaints").hasAnyRole(Roles.CITIZEN, Roles.HOTLINE_OPERATOR)
                .pathMatchers(HttpMethod.POST, "/api/complaints/*/photos")
                .hasAnyRole(Roles.CITIZEN, Roles.HOTLINE_OPERATOR, Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/complaints/*/complainant/reveal")
                .hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.COMPLAINT_HANDLER, Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/complaints/*/complainant/accesses").hasRole(Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/complaints/*/reward")
                .hasAnyRole(Roles.CITIZEN, Roles.HOTLINE_OPERATOR, Roles.ADMIN)
                .pathMatchers("/api/complaints/rewards", "/api/complaints/rewards/**", "/api/complaints/*/reward")
                .hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/complaints/*/duplicates").hasAnyRole(Roles.HOTLINE_OPERATOR,
                        Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/complaints/statistics")
                .hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.COMPLAINT_HANDLER, Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/complaints/queue")
                .hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.COMPLAINT_HANDLER, Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/complaints/*/satisfaction").hasRole(Roles.CITIZEN)
                .pathMatchers(HttpMethod.GET, "/api/complaints/extension-requests")
                .hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/complaints/*/extension-requests")
                .hasRole(Roles.COMPLAINT_HANDLER)
                .pathMatchers(HttpMethod.POST, "/api/complaints/*/extension-requests/*/approve",
                        "/api/complaints/*/extension-requests/*/refuse", "/api/complaints/*/district")
                .hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/complaints/*/extension-requests", "/api/complaints/*/history")
                .hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.COMPLAINT_HANDLER, Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/complaints/*/dispatch", "/api/complaints/*/follow-up",
                        "/api/complaints/*/close", "/api/complaints/*/extension", "/api/complaints/*/duplicate-of")
                .hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/complaints/*/accept", "/api/complaints/*/return",
                        "/api/complaints/*/start", "/api/complaints/*/handling", "/api/complaints/*/reply",
                        "/api/complaints/*/pause", "/api/complaints/*/resume")
                .hasRole(Roles.COMPLAINT_HANDLER)
                .pathMatchers(HttpMethod.GET, "/api/complaints", "/api/complaints/*", "/api/complaints/*/photos",
                        "/api/complaints/*/photos/*")
                .hasAnyRole(Roles.CITIZEN, Roles.HOTLINE_OPERATOR, Roles.COMPLAINT_HANDLER, Roles.ADMIN));
    }
}
