package gov.envgov.enforcement.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** ENF-DRAW-ALGORITHM: the draw is exactly what DRAW-ALGORITHM.md specifies, and nothing else. */
class DrawAlgorithmTest {

    private static final byte[] SEED = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Test
    void theCanonicalSerialisationIsTheSpecificationsExample() {
        byte[] canonical = DrawAlgorithm.canonical(List.of(new DrawAlgorithm.Entry("A", 5),
                new DrawAlgorithm.Entry("B", 10)));
        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo("A,5\nB,10\n");
        assertThat(canonical).hasSize(9);
    }

    @Test
    void aSnapshotOutOfOrderOrWithoutWeightIsRefused() {
        assertThatThrownBy(() -> DrawAlgorithm.canonical(List.of(new DrawAlgorithm.Entry("B", 1),
                new DrawAlgorithm.Entry("A", 1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DrawAlgorithm.Entry("A", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DrawAlgorithm.select(SEED, snapshot(3, new Random(1)), 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServiceDrawsWhatTheSpecificationsLinearWalkDraws() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<DrawAlgorithm.Entry> snapshot = snapshot(1 + random.nextInt(300), random);
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            int size = random.nextInt(snapshot.size() + 1);
            assertThat(DrawAlgorithm.select(seed, snapshot, size)).isEqualTo(bySpecification(seed, snapshot, size));
        }
    }

    @Test
    void aDrawNamesEachUnitOnceAndAsManyAsAsked() {
        List<DrawAlgorithm.Entry> snapshot = snapshot(500, new Random(7));
        List<String> picked = DrawAlgorithm.select(SEED, snapshot, 500);
        assertThat(picked).hasSize(500).doesNotHaveDuplicates();
        assertThat(new HashSet<>(picked)).hasSize(500);
    }

    @Test
    void heavierUnitsAreDrawnMoreOftenInProportion() {
        // Two units, weights 1 and 3: over many seeds the heavy one comes first about three times in four.
        List<DrawAlgorithm.Entry> snapshot = List.of(new DrawAlgorithm.Entry("A", 1), new DrawAlgorithm.Entry("B", 3));
        Map<String, Integer> first = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 4000; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            first.merge(DrawAlgorithm.select(seed, snapshot, 1).get(0), 1, Integer::sum);
        }
        assertThat(first.get("B") / 4000.0).isBetween(0.72, 0.78);
    }

    @Test
    void theSameSeedAndSnapshotAlwaysGiveTheSameDrawAndAnotherSeedAnother() {
        List<DrawAlgorithm.Entry> snapshot = snapshot(200, new Random(11));
        List<String> once = DrawAlgorithm.select(SEED, snapshot, 20);
        assertThat(DrawAlgorithm.select(SEED.clone(), List.copyOf(snapshot), 20)).isEqualTo(once);
        byte[] other = SEED.clone();
        other[0] ^= 1;
        assertThat(DrawAlgorithm.select(other, snapshot, 20)).isNotEqualTo(once);
    }

    @Test
    void versionOneIsFrozen() {
        // A fixed vector: if this changes, the algorithm changed and needs a new version and specification.
        List<DrawAlgorithm.Entry> snapshot = List.of(new DrawAlgorithm.Entry("A", 5), new DrawAlgorithm.Entry("B", 10),
                new DrawAlgorithm.Entry("C", 1), new DrawAlgorithm.Entry("D", 40), new DrawAlgorithm.Entry("E", 10));
        assertThat(DrawAlgorithm.sha256Hex(DrawAlgorithm.canonical(snapshot))).isEqualTo(FROZEN_HASH);
        assertThat(DrawAlgorithm.select(SEED, snapshot, 3)).containsExactly(FROZEN_SELECTION);
    }

    static final String FROZEN_HASH = "3eec2711f920d2589cf4fdc0c21c477db19e2063f7ca83d0a55dbbbdba648a17";
    static final String[] FROZEN_SELECTION = {"D", "E", "B"};

    /** DRAW-ALGORITHM.md read literally: a linear walk over the units not yet drawn, with BigInteger bounds. */
    private static List<String> bySpecification(byte[] seed, List<DrawAlgorithm.Entry> snapshot, int size)
            throws Exception {
        byte[] snapshotHash = MessageDigest.getInstance("SHA-256").digest(DrawAlgorithm.canonical(snapshot));
        List<DrawAlgorithm.Entry> left = new ArrayList<>(snapshot);
        List<String> picked = new ArrayList<>();
        long counter = 0;
        java.math.BigInteger twoPow63 = java.math.BigInteger.ONE.shiftLeft(63);
        for (int t = 0; t < size; t++) {
            long total = left.stream().mapToLong(DrawAlgorithm.Entry::weight).sum();
            java.math.BigInteger w = java.math.BigInteger.valueOf(total);
            java.math.BigInteger limit = twoPow63.subtract(twoPow63.mod(w));
            java.math.BigInteger v;
            do {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(seed);
                digest.update(snapshotHash);
                digest.update(ByteBuffer.allocate(8).putLong(counter++).array());
                byte[] first8 = java.util.Arrays.copyOf(digest.digest(), 8);
                v = new java.math.BigInteger(1, first8).shiftRight(1);
            } while (v.compareTo(limit) >= 0);
            long r = v.mod(w).longValue();
            long running = 0;
            for (int i = 0; i < left.size(); i++) {
                running += left.get(i).weight();
                if (running > r) {
                    picked.add(left.remove(i).code());
                    break;
                }
            }
        }
        return picked;
    }

    static List<DrawAlgorithm.Entry> snapshot(int n, Random random) {
        List<DrawAlgorithm.Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new DrawAlgorithm.Entry(String.format("9121110%011d", i * 7L + random.nextInt(7)),
                    1 + random.nextInt(40)));
        }
        return entries;
    }
}
