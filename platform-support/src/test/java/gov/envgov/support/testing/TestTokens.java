package gov.envgov.support.testing;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import gov.envgov.support.security.JwtSupport;
import gov.envgov.support.security.SecurityProperties;
import reactor.core.publisher.Mono;

/**
 * Tokens for service tests without Keycloak. A token is the Base64 of {@code subject|roles|enterprise_id|district|department};
 * the test decoder turns it into a Jwt shaped like Keycloak's (realm_access.roles, audience, issuer) and runs the
 * platform's real validators on it, so the real role mapping and security rules decide.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:8180/realms/envgov";
    public static final SecurityProperties PROPERTIES = new SecurityProperties(ISSUER, "http://unused", "envgov-api",
            List.of(), null);

    private TestTokens() {
    }

    public static String of(String subject, String... roles) {
        return token(subject, null, null, null, roles);
    }

    public static String enterprise(String subject, String enterpriseId) {
        return token(subject, enterpriseId, null, null, "enterprise");
    }

    public static String staff(String subject, String district, String... roles) {
        return token(subject, null, district, null, roles);
    }

    /** A staff member of a unit (the {@code department} claim), e.g. a complaint handler of a district branch. */
    public static String unit(String subject, String department, String... roles) {
        return token(subject, null, null, department, roles);
    }

    private static String token(String subject, String enterpriseId, String district, String department,
                                String... roles) {
        String raw = subject + "|" + String.join(",", roles) + "|" + (enterpriseId == null ? "" : enterpriseId) + "|"
                + (district == null ? "" : district) + "|" + (department == null ? "" : department);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A decoder for {@link #of} tokens; anything else is rejected like a token with a bad signature. */
    public static ReactiveJwtDecoder decoder() {
        var validator = JwtSupport.validator(PROPERTIES);
        return token -> {
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.UTF_8)
                        .split("\\|", -1);
            } catch (IllegalArgumentException e) {
                return Mono.error(new BadJwtException("not a test token"));
            }
            if (parts.length != 5) {
                return Mono.error(new BadJwtException("not a test token"));
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("sub", parts[0]);
            claims.put("preferred_username", parts[0]);
            claims.put("iss", ISSUER);
            claims.put("aud", List.of("envgov-api"));
            claims.put("realm_access", Map.of("roles", parts[1].isEmpty() ? List.of() : Arrays.asList(parts[1].split(","))));
            if (!parts[2].isEmpty()) {
                claims.put("enterprise_id", parts[2]);
            }
            if (!parts[3].isEmpty()) {
                claims.put("district", parts[3]);
            }
            if (!parts[4].isEmpty()) {
                claims.put("department", parts[4]);
            }
            Instant now = Instant.now();
            Jwt jwt = Jwt.withTokenValue(token).header("alg", "none").claims(c -> c.putAll(claims))
                    .issuedAt(now).expiresAt(now.plusSeconds(300)).build();
            var result = validator.validate(jwt);
            return result.hasErrors() ? Mono.error(new BadJwtException(result.getErrors().toString())) : Mono.just(jwt);
        };
    }
}
