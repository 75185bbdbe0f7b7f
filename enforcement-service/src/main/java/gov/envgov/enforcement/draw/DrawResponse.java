package gov.envgov.enforcement.draw;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A draw as staff see it: the drawn list included (confidential until the inspection), the seed only once it is
 * published. {@link #forPublic} is the same draw as anyone sees it: no names before the results are announced.
 */
public record DrawResponse(UUID id, String period, SupervisionLevel level, String district, String managementClass,
                           DrawStatus status, String seedCommitment, String seed, String algorithm,
                           String snapshotHash, Integer poolSize, Integer sampleSize, List<String> selection,
                           Instant announcedAt, Instant drawnAt, LocalDate resultsDue, Instant publishedAt,
                           long version) {

    static DrawResponse forStaff(Draw draw) {
        return of(draw, draw.selection());
    }

    static DrawResponse forPublic(Draw draw) {
        return of(draw, draw.isPublished() ? draw.selection() : null);
    }

    private static DrawResponse of(Draw draw, List<String> selection) {
        boolean drawn = draw.status() != DrawStatus.ANNOUNCED;
        return new DrawResponse(draw.id(), draw.period(), draw.level(), draw.district(), draw.managementClass(),
                draw.status(), draw.seedCommitment(), draw.isPublished() ? draw.seed() : null, draw.algorithm(),
                draw.snapshotHash(), draw.poolSize(), drawn ? Integer.valueOf(draw.selection().size()) : null,
                selection, draw.announcedAt(), draw.drawnAt(), draw.resultsDue(), draw.publishedAt(),
                draw.version());
    }
}
