package gov.envgov.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class JwtSupportTest {

    private static final SecurityProperties PROPERTIES = new SecurityProperties(
            "http://localhost:8180/realms/envgov", "http://unused", "envgov-api", List.of(), Duration.ofSeconds(5));

    private static Jwt.Builder keycloakToken() {
        Instant now = Instant.now();
        return Jwt.withTokenValue("t").header("alg", "RS256")
                .issuer("http://localhost:8180/realms/envgov")
                .audience(List.of("envgov-api"))
                .subject("u-1")
                .claim("preferred_username", "ent-a")
                .claim("enterprise_id", "91211103MA0GA0001Y")
                .claim("realm_access", Map.of("roles", List.of("enterprise", "offline_access")))
                .issuedAt(now).expiresAt(now.plusSeconds(300));
    }

    @Test
    void realmRolesFromTheNestedClaimBecomeSpringRoles() {
        var authentication = JwtSupport.keycloakRoles().convert(keycloakToken().build()).block();
        CurrentUser user = CurrentUser.from(authentication);
        assertThat(user.roles()).containsExactlyInAnyOrder("enterprise", "offline_access");
        assertThat(user.username()).isEqualTo("ent-a");
        assertThat(user.actsFor("91211103MA0GA0001Y")).isTrue();
        assertThat(user.actsFor("91211104MA0GB00028")).isFalse();
        assertThat(user.isStaff()).isFalse();
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        Jwt token = keycloakToken().audience(List.of("account")).build();
        assertThat(JwtSupport.validator(PROPERTIES).validate(token).hasErrors()).isTrue();
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() {
        Jwt token = keycloakToken().issuer("http://127.0.0.1:8180/realms/envgov").build();
        assertThat(JwtSupport.validator(PROPERTIES).validate(token).hasErrors()).isTrue();
    }

    @Test
    void anExpiredTokenIsRejectedOnceTheClockSkewHasPassed() {
        Instant past = Instant.now().minusSeconds(60);
        Jwt token = keycloakToken().issuedAt(past.minusSeconds(300)).expiresAt(past).build();
        assertThat(JwtSupport.validator(PROPERTIES).validate(token).hasErrors()).isTrue();
        assertThat(JwtSupport.validator(PROPERTIES).validate(keycloakToken().build()).hasErrors()).isFalse();
    }
}
