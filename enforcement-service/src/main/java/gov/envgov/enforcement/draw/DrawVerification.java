package gov.envgov.enforcement.draw;

import java.util.ArrayList;
import java.util.List;

/**
 * A published draw as the verifier needs it: the algorithm, the revealed seed and its commitment, the snapshot in
 * canonical order with its hash, the sample size and the selection in draw order (DRAW-ALGORITHM.md).
 */
public record DrawVerification(String algorithm, String seed, String seedCommitment, String snapshotHash,
                               List<DrawAlgorithm.Entry> snapshot, int sampleSize, List<String> selection) {

    static DrawVerification of(Draw draw, String canonical) {
        List<DrawAlgorithm.Entry> entries = new ArrayList<>();
        for (String line : canonical.split("\n")) {
            if (!line.isEmpty()) {
                int comma = line.lastIndexOf(',');
                entries.add(new DrawAlgorithm.Entry(line.substring(0, comma),
                        Long.parseLong(line.substring(comma + 1))));
            }
        }
        return new DrawVerification(draw.algorithm(), draw.seed(), draw.seedCommitment(), draw.snapshotHash(),
                List.copyOf(entries), draw.selection().size(), draw.selection());
    }
}
