package gov.envgov.support.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Checks a token's signature once, not on every request: a client sends the same token many times over its
 * few minutes of life, and parsing plus an RSA verification is the largest single cost of a small request.
 * <p>
 * The key is the whole token text, signature included, so a changed token is a different key and goes through the
 * full check. On every hit the validator runs again (expiry, not-before, issuer, audience), so a cached token stops
 * working the moment it expires. A signing key withdrawn from the realm keeps working for the tokens already seen
 * until they expire; that is at most one token lifetime, the same window the JWK set cache already has.
 */
public final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokenCache(ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int capacity,
                              Clock clock) {
        this.verifier = verifier;
        this.validator = validator;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known == null) {
            return verifier.decode(token).doOnNext(jwt -> remember(token, jwt));
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.remove(token);
            return Mono.error(new BadJwtException("An error occurred while attempting to decode the Jwt: "
                    + result.getErrors().iterator().next().getDescription()));
        }
        return Mono.just(known);
    }

    private void remember(String token, Jwt jwt) {
        if (verified.size() >= capacity) {
            Instant now = clock.instant();
            verified.values().removeIf(old -> old.getExpiresAt() == null || old.getExpiresAt().isBefore(now));
            if (verified.size() >= capacity) {
                // Full of live tokens: start again rather than track recency on every hit.
                verified.clear();
            }
        }
        verified.put(token, jwt);
    }

    int size() {
        return verified.size();
    }
}
