package gov.envgov.complaint.complainant;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for complainant identity fields: a fresh 12-byte IV per value, stored in front of the ciphertext; the
 * complaint id is bound in as associated data, so a value copied onto another complaint does not decrypt.
 */
@Component
class ComplainantCipher {

    private static final Logger log = LoggerFactory.getLogger(ComplainantCipher.class);
    private static final String DEV_KEY = "ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    ComplainantCipher(ComplainantProperties properties) {
        byte[] raw = Base64.getDecoder().decode(properties.complainantKey());
        if (raw.length != 32) {
            throw new IllegalStateException("envgov.complaint.complainant-key must be 32 bytes (base64), not "
                    + raw.length);
        }
        if (DEV_KEY.equals(properties.complainantKey())) {
            log.warn("Complainant identities are encrypted with the development key: set COMPLAINANT_KEY");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.keyId = properties.complainantKeyId();
    }

    String keyId() {
        return keyId;
    }

    byte @Nullable [] encrypt(@Nullable String plain, String complaintId) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(complaintId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    @Nullable String decrypt(byte @Nullable [] stored, String complaintId) {
        if (stored == null) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            cipher.updateAAD(complaintId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("complainant identity of " + complaintId + " cannot be decrypted", e);
        }
    }
}
