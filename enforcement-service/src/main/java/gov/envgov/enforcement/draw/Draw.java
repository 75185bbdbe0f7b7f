package gov.envgov.enforcement.draw;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import gov.envgov.support.domain.DomainException;

/**
 * One double-random draw of entities (双随机): a plan for a period and scope, its seed committed before the draw,
 * drawn once on a stored snapshot of the pool, its result published with the seed. Immutable; each transition
 * checks the state it starts from and returns the event it causes. A draw is never re-rolled: {@link #perform} runs
 * once, from {@link DrawStatus#ANNOUNCED} only.
 *
 * @param seed the secret seed (hex); kept from everyone but the service until {@link DrawStatus#PUBLISHED}
 * @param resultsDue the last working day to publish results (20 working days after the draw)
 */
public record Draw(UUID id, String period, SupervisionLevel level, String district, String managementClass,
                   int inspectors, String seed, String seedCommitment, DrawStatus status, String algorithm,
                   String snapshotHash, Integer poolSize, List<String> selection, Instant announcedAt,
                   String announcedBy, Instant drawnAt, LocalDate resultsDue, Instant publishedAt, long version) {

    public Draw {
        selection = selection == null ? List.of() : List.copyOf(selection);
    }

    /** A transition's result: the next state and the event it causes. */
    public record Transition(Draw draw, DrawEvent event) {
    }

    /** What a plan fixes: period, who draws, the scope in the pool, and the staff the ratio counts. */
    public record Plan(String period, SupervisionLevel level, String district, String managementClass,
                       int inspectors) {
    }

    public static Transition announce(UUID id, Plan plan, String seedHex, String actor, Instant now) {
        String commitment = DrawAlgorithm.sha256Hex(HexFormat.of().parseHex(seedHex));
        Draw draw = new Draw(id, plan.period(), plan.level(), plan.district(), plan.managementClass(),
                plan.inspectors(), seedHex, commitment, DrawStatus.ANNOUNCED, null, null, null, List.of(), now,
                actor, null, null, null, 0);
        return new Transition(draw, new DrawEvent.DrawAnnounced(id, plan.period(), plan.level(), plan.district(),
                plan.managementClass(), commitment));
    }

    /** Runs the draw on a snapshot of the pool in scope; the sample size comes from the rules. */
    public Transition perform(List<DrawAlgorithm.Entry> snapshot, int sampleSize, Instant now, LocalDate due) {
        require(DrawStatus.ANNOUNCED, "draw");
        List<String> picked = DrawAlgorithm.select(HexFormat.of().parseHex(seed), snapshot, sampleSize);
        String hash = DrawAlgorithm.sha256Hex(DrawAlgorithm.canonical(snapshot));
        Draw drawn = new Draw(id, period, level, district, managementClass, inspectors, seed, seedCommitment,
                DrawStatus.DRAWN, DrawAlgorithm.VERSION, hash, snapshot.size(), picked, announcedAt, announcedBy, now,
                due, null, version);
        return new Transition(drawn, new DrawEvent.DrawPerformed(id, hash, snapshot.size(), picked.size(),
                DrawAlgorithm.VERSION, now));
    }

    /** Announces the results: the seed becomes public, and with it the whole draw. */
    public Transition publish(Instant now) {
        require(DrawStatus.DRAWN, "publish the results of");
        Draw published = new Draw(id, period, level, district, managementClass, inspectors, seed, seedCommitment,
                DrawStatus.PUBLISHED, algorithm, snapshotHash, poolSize, selection, announcedAt, announcedBy,
                drawnAt, resultsDue, now, version);
        return new Transition(published, new DrawEvent.DrawPublished(id, seed, now));
    }

    public boolean isPublished() {
        return status == DrawStatus.PUBLISHED;
    }

    private void require(DrawStatus expected, String action) {
        if (status != expected) {
            boolean drawFirst = status == DrawStatus.ANNOUNCED && expected == DrawStatus.DRAWN;
            throw new DomainException.Conflict("invalid-transition", "cannot " + action + " draw " + id
                    + " in state " + status + " (needs " + expected + ")" + (drawFirst
                    ? "; draw it first (POST /api/enforcement/draws/" + id + "/draw)" : "; a draw is never re-rolled"),
                    new DomainException.Blocker("draw", id, status), drawFirst ? "draw" : null);
        }
    }
}
