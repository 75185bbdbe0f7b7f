package gov.envgov.complaint.complaint;

import java.nio.ByteBuffer;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Mono;

/** Complainant identities, encrypted field by field; plaintext exists only in memory. */
@Repository
class ComplainantRepository {

    private final DatabaseClient db;
    private final ComplainantCipher cipher;

    ComplainantRepository(DatabaseClient db, ComplainantCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    Mono<Void> insert(UUID complaintId, Complainant complainant) {
        String aad = complaintId.toString();
        return db.sql("""
                        INSERT INTO complainant_identity (complaint_id, key_id, name_enc, phone_enc, id_number_enc)
                        VALUES (:id, :keyId, :name, :phone, :idNumber)""")
                .bind("id", complaintId)
                .bind("keyId", cipher.keyId())
                .bind("name", bytes(cipher.encrypt(complainant.name(), aad)))
                .bind("phone", bytes(cipher.encrypt(complainant.phone(), aad)))
                .bind("idNumber", bytes(cipher.encrypt(complainant.idNumber(), aad)))
                .then();
    }

    Mono<Complainant> find(UUID complaintId) {
        String aad = complaintId.toString();
        return db.sql("SELECT name_enc, phone_enc, id_number_enc FROM complainant_identity WHERE complaint_id = :id")
                .bind("id", complaintId)
                .map(row -> new Complainant(
                        cipher.decrypt(array(row.get("name_enc", ByteBuffer.class)), aad),
                        cipher.decrypt(array(row.get("phone_enc", ByteBuffer.class)), aad),
                        cipher.decrypt(array(row.get("id_number_enc", ByteBuffer.class)), aad)))
                .one();
    }

    private static Parameter bytes(byte[] value) {
        return Parameter.fromOrEmpty(value == null ? null : ByteBuffer.wrap(value), ByteBuffer.class);
    }

    private static byte[] array(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
