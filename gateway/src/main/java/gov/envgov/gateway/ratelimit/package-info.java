/**
 * Token-bucket rate limits at the gateway: per client address for the public routes (reads and anonymous filing),
 * per user (the token's subject) for writes. Counters live in memory for the one embedded gateway, or in Redis where
 * several replicas must share them ({@code envgov.gateway.rate-limits.store}).
 */
@NullMarked
package gov.envgov.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
