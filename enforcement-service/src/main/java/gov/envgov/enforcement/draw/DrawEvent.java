package gov.envgov.enforcement.draw;

import java.time.Instant;
import java.util.UUID;

import gov.envgov.support.events.PublishedEvent;

/**
 * The events of a double-random draw, published on enforcement-service's feed. Each record's simple name is its
 * type on the wire. None names a drawn unit before the results are published: the list is confidential until then.
 */
public sealed interface DrawEvent extends PublishedEvent {

    UUID drawId();

    @Override
    default String aggregateType() {
        return "draw";
    }

    @Override
    default String aggregateId() {
        return drawId().toString();
    }

    /** The plan is announced (抽查计划公告) with the SHA-256 of the secret seed: the draw is fixed from here on. */
    record DrawAnnounced(UUID drawId, String period, SupervisionLevel level, String district, String managementClass,
                         String seedCommitment) implements DrawEvent {
    }

    /** The draw ran on the stored snapshot; how many were drawn from how many, not who. */
    record DrawPerformed(UUID drawId, String snapshotHash, int poolSize, int sampleSize, String algorithm,
                         Instant drawnAt) implements DrawEvent {
    }

    /** Results announced (抽查结果公告): the seed is revealed and anyone can re-run the draw. */
    record DrawPublished(UUID drawId, String seed, Instant publishedAt) implements DrawEvent {
    }
}
