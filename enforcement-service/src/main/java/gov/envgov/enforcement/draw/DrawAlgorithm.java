package gov.envgov.enforcement.draw;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Algorithm {@value #VERSION}, specified in {@code enforcement-service/DRAW-ALGORITHM.md} so that anyone can
 * re-implement it: weighted sampling without replacement over the canonical pool snapshot, driven by SHA-256 in
 * counter mode over the seed and the snapshot hash, with exact integer arithmetic only (no floating point, so every
 * language gets the same draw). Pure: no I/O, no clock, no randomness of its own.
 */
public final class DrawAlgorithm {

    public static final String VERSION = "envgov-draw-v1";
    private static final long TWO_POW_63_MINUS_1 = Long.MAX_VALUE;

    private DrawAlgorithm() {
    }

    /** One entry of a snapshot: a unit and its positive integer weight. */
    public record Entry(String code, long weight) {
        public Entry {
            if (weight < 1) {
                throw new IllegalArgumentException("weight of " + code + " must be positive");
            }
        }
    }

    /** The canonical serialisation: entries sorted by code, one {@code code,weight} line each, UTF-8, LF. */
    public static byte[] canonical(List<Entry> entries) {
        StringBuilder text = new StringBuilder(entries.size() * 24);
        String previous = null;
        for (Entry entry : entries) {
            if (previous != null && previous.compareTo(entry.code()) >= 0) {
                throw new IllegalArgumentException("a snapshot is sorted by code without duplicates");
            }
            text.append(entry.code()).append(',').append(entry.weight()).append('\n');
            previous = entry.code();
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** The selection: {@code size} codes in the order they were drawn. */
    public static List<String> select(byte[] seed, List<Entry> snapshot, int size) {
        if (size < 0 || size > snapshot.size()) {
            throw new IllegalArgumentException("sample size " + size + " outside 0.." + snapshot.size());
        }
        byte[] snapshotHash = sha256().digest(canonical(snapshot));
        Stream stream = new Stream(seed, snapshotHash);
        WeightTree tree = new WeightTree(snapshot);
        List<String> picked = new ArrayList<>(size);
        for (int t = 0; t < size; t++) {
            long r = stream.below(tree.total());
            int index = tree.find(r);
            picked.add(snapshot.get(index).code());
            tree.remove(index);
        }
        return picked;
    }

    /** SHA-256(seed ‖ snapshotHash ‖ counter as 8 bytes big-endian), the first 8 bytes read as 63 bits. */
    static final class Stream {
        private final byte[] prefix;
        private long counter;

        Stream(byte[] seed, byte[] snapshotHash) {
            prefix = ByteBuffer.allocate(seed.length + snapshotHash.length).put(seed).put(snapshotHash).array();
        }

        long next() {
            MessageDigest digest = sha256();
            digest.update(prefix);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
            return ByteBuffer.wrap(digest.digest()).getLong() >>> 1;
        }

        /** A uniform integer in [0, bound), by rejection so that no value is favoured. */
        long below(long bound) {
            long limit = TWO_POW_63_MINUS_1 - (TWO_POW_63_MINUS_1 % bound + 1) % bound;
            while (true) {
                long value = next();
                if (value <= limit) {
                    return value % bound;
                }
            }
        }
    }

    /**
     * Cumulative weights of the entries still in the draw (a Fenwick tree): finds the first entry in canonical order
     * whose running total exceeds r in O(log n), which is exactly what the specification's linear walk finds.
     */
    static final class WeightTree {
        private final long[] tree;
        private final long[] weights;
        private long total;

        WeightTree(List<Entry> entries) {
            int n = entries.size();
            tree = new long[n + 1];
            weights = new long[n];
            for (int i = 0; i < n; i++) {
                weights[i] = entries.get(i).weight();
                total = Math.addExact(total, weights[i]);
                add(i, weights[i]);
            }
        }

        long total() {
            return total;
        }

        private void add(int index, long delta) {
            for (int i = index + 1; i < tree.length; i += i & -i) {
                tree[i] += delta;
            }
        }

        int find(long r) {
            int position = 0;
            long remaining = r;
            for (int step = Integer.highestOneBit(Math.max(1, tree.length - 1)); step > 0; step >>= 1) {
                int next = position + step;
                if (next < tree.length && tree[next] <= remaining) {
                    position = next;
                    remaining -= tree[next];
                }
            }
            return position;
        }

        void remove(int index) {
            add(index, -weights[index]);
            total -= weights[index];
            weights[index] = 0;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
