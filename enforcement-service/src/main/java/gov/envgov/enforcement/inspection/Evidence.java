package gov.envgov.enforcement.inspection;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * An evidence file of an inspection (photo, record, sample report), stored with its SHA-256 so that anyone holding
 * the file can show it is the one recorded.
 *
 * @param itemId the checklist item it supports, or null for the inspection as a whole
 */
public record Evidence(UUID id, UUID taskId, String itemId, String fileName, String contentType, long size,
                       String sha256, Instant uploadedAt, String uploadedBy) {

    public static Evidence of(UUID taskId, String itemId, String fileName, String contentType, byte[] content,
                              String actor, Instant now) {
        return new Evidence(UUID.randomUUID(), taskId, itemId, fileName, contentType, content.length,
                sha256Hex(content), now, actor);
    }

    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
