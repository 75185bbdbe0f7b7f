package gov.envgov.complaint.complainant;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/** Complainant identities, encrypted field by field; plaintext exists only in memory. */
@Repository
public class ComplainantRepository {

    private final DatabaseClient db;
    private final ComplainantCipher cipher;

    ComplainantRepository(DatabaseClient db, ComplainantCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /** Stores the identities of newly registered complaints, encrypted, with one statement. */
    public Mono<Void> insertAll(List<ComplainantIdentity> identified) {
        if (identified.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder sql = new StringBuilder("INSERT INTO complainant_identity"
                + " (complaint_id, key_id, name_enc, phone_enc, id_number_enc, email_enc) VALUES ");
        for (int i = 0; i < identified.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id#, :keyId, :name#, :phone#, :idNumber#, :email#)"
                    .replace("#", String.valueOf(i)));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("keyId", cipher.keyId());
        for (int i = 0; i < identified.size(); i++) {
            UUID complaintId = identified.get(i).complaintId();
            Complainant complainant = identified.get(i).complainant();
            String aad = complaintId.toString();
            values.put("id" + i, complaintId);
            values.put("name" + i, bytes(cipher.encrypt(complainant.name(), aad)));
            values.put("phone" + i, bytes(cipher.encrypt(complainant.phone(), aad)));
            values.put("idNumber" + i, bytes(cipher.encrypt(complainant.idNumber(), aad)));
            values.put("email" + i, bytes(cipher.encrypt(complainant.email(), aad)));
        }
        return db.sql(sql.toString()).bindValues(values).then();
    }

    public Mono<Complainant> find(UUID complaintId) {
        String aad = complaintId.toString();
        return db.sql("""
                        SELECT name_enc, phone_enc, id_number_enc, email_enc FROM complainant_identity
                        WHERE complaint_id = :id""")
                .bind("id", complaintId)
                .map(row -> new Complainant(
                        cipher.decrypt(array(row.get("name_enc", ByteBuffer.class)), aad),
                        cipher.decrypt(array(row.get("phone_enc", ByteBuffer.class)), aad),
                        cipher.decrypt(array(row.get("id_number_enc", ByteBuffer.class)), aad),
                        cipher.decrypt(array(row.get("email_enc", ByteBuffer.class)), aad)))
                .one();
    }

    private static Parameter bytes(byte @Nullable [] value) {
        return Parameter.fromOrEmpty(value == null ? null : ByteBuffer.wrap(value), ByteBuffer.class);
    }

    private static byte @Nullable [] array(@Nullable ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
