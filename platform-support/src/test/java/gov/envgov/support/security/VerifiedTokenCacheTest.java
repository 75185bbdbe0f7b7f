package gov.envgov.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    /** Stands in for the signature check: counts calls; a token text starting with "forged" fails it. */
    private final AtomicInteger verifications = new AtomicInteger();
    private final ReactiveJwtDecoder signatureCheck = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            return Mono.error(new BadJwtException("signature does not match"));
        }
        int lifetime = Integer.parseInt(token.substring(token.indexOf('-') + 1));
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("u-1")
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(lifetime)).build());
    };

    private static JwtTimestampValidator validatorAt(Instant now) {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(Clock.fixed(now, ZoneOffset.UTC));
        return validator;
    }

    @Test
    void theSignatureOfATokenIsCheckedOnceHoweverOftenItComes() {
        var cache = new VerifiedTokenCache(signatureCheck, validatorAt(NOW), 100, Clock.fixed(NOW, ZoneOffset.UTC));

        for (int i = 0; i < 5; i++) {
            assertThat(cache.decode("token-300").block().getSubject()).isEqualTo("u-1");
        }
        cache.decode("other-300").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        MovableValidator validator = new MovableValidator();
        var cache = new VerifiedTokenCache(signatureCheck, validator, 100, Clock.fixed(NOW, ZoneOffset.UTC));
        cache.decode("token-300").block();

        validator.now = NOW.plusSeconds(301);

        assertThatThrownBy(() -> cache.decode("token-300").block()).isInstanceOf(BadJwtException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFailedCheckIsNotRemembered() {
        var cache = new VerifiedTokenCache(signatureCheck, validatorAt(NOW), 100, Clock.fixed(NOW, ZoneOffset.UTC));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.decode("forged-300").block()).isInstanceOf(BadJwtException.class);
        }

        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFullCacheDropsExpiredTokensFirstAndNeverGrowsPastItsCapacity() {
        Clock later = Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC);
        var cache = new VerifiedTokenCache(signatureCheck, validatorAt(NOW), 3, later);
        cache.decode("short-60").block();
        cache.decode("long-600").block();
        cache.decode("longer-900").block();

        cache.decode("new-300").block();
        assertThat(cache.size()).isEqualTo(3);
        verifications.set(0);
        cache.decode("long-600").block();
        assertThat(verifications).as("the live tokens stayed").hasValue(0);

        cache.decode("another-300").block();
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    /** The timestamp check with a clock the test moves. */
    private static final class MovableValidator implements OAuth2TokenValidator<Jwt> {
        Instant now = NOW;

        @Override
        public OAuth2TokenValidatorResult validate(Jwt token) {
            return validatorAt(now).validate(token);
        }
    }

    @Test
    void theDecoderOfThePlatformRemembersTokens() {
        SecurityProperties properties = new SecurityProperties("http://localhost:8180/realms/envgov",
                "http://unused", "envgov-api", List.of(), Duration.ofSeconds(5));
        assertThat(JwtSupport.decoder(properties)).isInstanceOf(VerifiedTokenCache.class);
    }
}
