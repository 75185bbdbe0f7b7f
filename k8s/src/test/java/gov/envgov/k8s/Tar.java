package gov.envgov.k8s;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few tar operations the image tests need (ustar, regular files only): writing a docker-save base image and
 * reading the small entries of Jib's OCI tarball and of its layers.
 */
final class Tar {

    private static final int BLOCK = 512;

    private Tar() {
    }

    /** A tar archive of the given files, in the given order. */
    static byte[] write(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        files.forEach((name, content) -> {
            out.writeBytes(header(name, content.length));
            out.writeBytes(content);
            out.writeBytes(new byte[padding(content.length)]);
        });
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    private static byte[] header(String name, long size) {
        byte[] header = new byte[BLOCK];
        put(header, 0, 100, name);
        put(header, 100, 8, "0000644");
        put(header, 108, 8, "0000000");
        put(header, 116, 8, "0000000");
        put(header, 124, 12, String.format("%011o", size));
        put(header, 136, 12, "00000000000");
        header[156] = '0';
        put(header, 257, 6, "ustar");
        put(header, 263, 2, "00");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, 8, String.format("%06o", sum));
        return header;
    }

    private static void put(byte[] header, int offset, int length, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > length) {
            throw new IllegalArgumentException(value + " does not fit a tar header field of " + length);
        }
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static int padding(long size) {
        return (int) ((BLOCK - size % BLOCK) % BLOCK);
    }

    /**
     * The entries of an archive by name; the content of entries larger than {@code maxSize} is not read (an empty
     * array stands for it), so that a layer of many megabytes is skipped, not loaded.
     */
    static Map<String, byte[]> read(InputStream in, long maxSize) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        while (true) {
            byte[] header = in.readNBytes(BLOCK);
            if (header.length < BLOCK || isZero(header)) {
                return entries;
            }
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            String fullName = prefix.isEmpty() ? name : prefix + "/" + name;
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            byte type = header[156];
            if (size <= maxSize) {
                byte[] content = in.readNBytes((int) size);
                if (type == '0' || type == 0) {
                    entries.put(fullName, content);
                }
            } else {
                in.skipNBytes(size);
                entries.put(fullName, new byte[0]);
            }
            in.skipNBytes(padding(size));
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII).trim();
    }
}
