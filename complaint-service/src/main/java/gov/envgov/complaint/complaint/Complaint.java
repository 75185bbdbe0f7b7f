package gov.envgov.complaint.complaint;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A registered complaint. */
public record Complaint(UUID id, String trackingCode, String filedBy, Channel channel, Category category,
                        String description, String district, String enterpriseCode, String address,
                        Location location, ComplaintStatus status, Instant registeredAt, long version) {

    public Complaint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(filedBy, "filedBy");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(status, "status");
    }

    public static Registration register(UUID id, String trackingCode, String filedBy, Channel channel,
                                        FileComplaintRequest request, Instant now) {
        Complaint complaint = new Complaint(id, trackingCode, filedBy, channel, request.category(),
                request.description().strip(), request.district(), request.enterpriseCode(), request.address(),
                request.location(), ComplaintStatus.REGISTERED, now, 1);
        return new Registration(complaint, new ComplaintRegistered(id, trackingCode, channel, request.category(),
                request.district(), request.enterpriseCode(), now));
    }

    public boolean filedBy(String subject) {
        return filedBy.equals(subject);
    }

    public record Registration(Complaint complaint, ComplaintRegistered event) {
    }
}
