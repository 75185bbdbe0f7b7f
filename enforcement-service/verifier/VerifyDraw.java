import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-runs a published double-random draw and says whether it matches: {@code java VerifyDraw.java draw.json}, where
 * draw.json is what {@code GET /api/public/inspections/draws/{id}/verification} answered. Written from
 * DRAW-ALGORITHM.md alone, sharing no code with the service; needs only a JDK 17+. Exit code 0: MATCH; 1: mismatch;
 * 2: the file could not be read.
 */
public final class VerifyDraw {

    private static final BigInteger TWO_POW_63 = BigInteger.ONE.shiftLeft(63);

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java VerifyDraw.java draw.json");
            System.exit(2);
        }
        Map<String, Object> draw;
        try {
            draw = asObject(new Json(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)).value());
        } catch (IOException | RuntimeException e) {
            System.err.println("cannot read " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        String failure = check(draw);
        System.out.println(failure == null ? "MATCH" : "MISMATCH: " + failure);
        System.exit(failure == null ? 0 : 1);
    }

    /** The first check that fails, or null when the draw is exactly what its inputs give. */
    static String check(Map<String, Object> draw) throws Exception {
        if (!"envgov-draw-v1".equals(draw.get("algorithm"))) {
            return "unknown algorithm " + draw.get("algorithm");
        }
        byte[] seed = HexFormat.of().parseHex((String) draw.get("seed"));
        if (!hex(sha256(seed)).equals(draw.get("seedCommitment"))) {
            return "the seed does not hash to the commitment published with the plan";
        }
        List<String> codes = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        StringBuilder canonical = new StringBuilder();
        for (Object item : (List<?>) draw.get("snapshot")) {
            Map<String, Object> entry = asObject(item);
            String code = (String) entry.get("code");
            long weight = ((Number) entry.get("weight")).longValue();
            if (weight < 1 || (!codes.isEmpty() && codes.get(codes.size() - 1).compareTo(code) >= 0)) {
                return "the snapshot is not in canonical order with positive weights";
            }
            codes.add(code);
            weights.add(weight);
            canonical.append(code).append(',').append(weight).append('\n');
        }
        byte[] snapshotHash = sha256(canonical.toString().getBytes(StandardCharsets.UTF_8));
        if (!hex(snapshotHash).equals(draw.get("snapshotHash"))) {
            return "the snapshot does not hash to the published snapshot hash";
        }
        int size = ((Number) draw.get("sampleSize")).intValue();
        List<String> expected = select(seed, snapshotHash, codes, weights, size);
        List<?> published = (List<?>) draw.get("selection");
        if (!expected.equals(published)) {
            return "re-running the draw selects " + expected.size() + " other units or another order"
                    + (expected.isEmpty() ? "" : " (first: " + expected.get(0) + ")");
        }
        return null;
    }

    /** The selection, with buckets of running sums so that a pool of 100,000 takes seconds, not hours. */
    static List<String> select(byte[] seed, byte[] snapshotHash, List<String> codes, List<Long> weights, int size)
            throws Exception {
        int n = codes.size();
        int bucketSize = 256;
        long[] weight = new long[n];
        long[] bucketSums = new long[(n + bucketSize - 1) / bucketSize];
        long total = 0;
        for (int i = 0; i < n; i++) {
            weight[i] = weights.get(i);
            bucketSums[i / bucketSize] += weight[i];
            total += weight[i];
        }
        long counter = 0;
        List<String> picked = new ArrayList<>();
        for (int t = 0; t < size; t++) {
            BigInteger bound = BigInteger.valueOf(total);
            BigInteger limit = TWO_POW_63.subtract(TWO_POW_63.mod(bound));
            BigInteger value;
            do {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                digest.update(seed);
                digest.update(snapshotHash);
                byte[] block = new byte[8];
                for (int b = 7, c = 0; b >= 0; b--, c++) {
                    block[b] = (byte) (counter >>> (8 * c));
                }
                digest.update(block);
                counter++;
                byte[] hash = digest.digest();
                byte[] first8 = new byte[8];
                System.arraycopy(hash, 0, first8, 0, 8);
                value = new BigInteger(1, first8).shiftRight(1);
            } while (value.compareTo(limit) >= 0);
            long r = value.mod(bound).longValueExact();
            int bucket = 0;
            while (bucketSums[bucket] <= r) {
                r -= bucketSums[bucket];
                bucket++;
            }
            int i = bucket * bucketSize;
            while (weight[i] <= r) {
                r -= weight[i];
                i++;
            }
            picked.add(codes.get(i));
            bucketSums[bucket] -= weight[i];
            total -= weight[i];
            weight[i] = 0;
        }
        return picked;
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return (Map<String, Object>) value;
    }

    /** Just enough JSON: objects, arrays, strings, integers, true, false, null. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                skipSpace();
                if (text.charAt(at) == '}') {
                    at++;
                    return object;
                }
                do {
                    skipSpace();
                    String key = string();
                    skipSpace();
                    expect(':');
                    object.put(key, value());
                    skipSpace();
                } while (text.charAt(at++) == ',');
                if (text.charAt(at - 1) != '}') {
                    throw new IllegalArgumentException("expected } at " + at);
                }
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                skipSpace();
                if (text.charAt(at) == ']') {
                    at++;
                    return array;
                }
                do {
                    array.add(value());
                    skipSpace();
                } while (text.charAt(at++) == ',');
                if (text.charAt(at - 1) != ']') {
                    throw new IllegalArgumentException("expected ] at " + at);
                }
                return array;
            }
            if (c == '"') {
                return string();
            }
            for (String word : new String[] {"true", "false", "null"}) {
                if (text.startsWith(word, at)) {
                    at += word.length();
                    return word.equals("null") ? null : Boolean.valueOf(word);
                }
            }
            int start = at;
            while (at < text.length() && "-0123456789".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            return Long.parseLong(text.substring(start, at));
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(escaped);
                    }
                } else {
                    out.append(c);
                }
            }
            at++;
            return out.toString();
        }

        private void expect(char c) {
            if (text.charAt(at) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + at);
            }
            at++;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
