package gov.envgov.complaint.intake;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.Channel;
import gov.envgov.complaint.complaint.ComplaintFacts;
import gov.envgov.complaint.complaint.ComplaintType;
import gov.envgov.complaint.complaint.Location;
import gov.envgov.complaint.geo.Coordinates;
import gov.envgov.support.code.CreditCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Files a complaint. {@code receivedOn} is for letters only: the day the letter arrived, from which its clock runs.
 * {@code publicFeedConsent}: the filer agrees that the complaint (description and location scrubbed of personal
 * data) appears in the public Open311 feed; absent means no, whatever the channel.
 */
public record FileComplaintRequest(
        @Nullable ComplaintType type,
        @Nullable Channel channel,
        @NotNull Category category,
        @NotBlank @Size(min = 5, max = 4000) String description,
        @NotBlank String district,
        @CreditCode @Nullable String enterpriseCode,
        @Size(max = 300) @Nullable String address,
        @Valid @Nullable Location location,
        @Nullable CoordinateSystem coordinateSystem,
        @Valid @Nullable Complainant complainant,
        @PastOrPresent @Nullable LocalDate receivedOn,
        @Nullable Boolean publicFeedConsent) {

    /** A request without a word on the public feed: it stays out of it. */
    public FileComplaintRequest(@Nullable ComplaintType type, @Nullable Channel channel, Category category,
                                String description, String district, @Nullable String enterpriseCode,
                                @Nullable String address, @Nullable Location location,
                                @Nullable CoordinateSystem coordinateSystem, @Nullable Complainant complainant,
                                @Nullable LocalDate receivedOn) {
        this(type, channel, category, description, district, enterpriseCode, address, location, coordinateSystem,
                complainant, receivedOn, null);
    }

    /** Whether the filer agreed to the public feed. */
    boolean consentsToPublicFeed() {
        return Boolean.TRUE.equals(publicFeedConsent);
    }

    /** The same request with its location in WGS84, whatever map it was picked on. */
    FileComplaintRequest inWgs84() {
        if (location == null || coordinateSystem == null || coordinateSystem == CoordinateSystem.WGS84) {
            return this;
        }
        var point = Coordinates.toWgs84(coordinateSystem.name(), location.longitude(), location.latitude());
        return new FileComplaintRequest(type, channel, category, description, district, enterpriseCode, address,
                new Location(point.longitude(), point.latitude()), CoordinateSystem.WGS84, complainant, receivedOn,
                publicFeedConsent);
    }

    /** Maps of China show GCJ-02 (AMap, Tencent) or BD-09 (Baidu); they are converted to WGS84 on intake. */
    public enum CoordinateSystem {
        WGS84, GCJ02, BD09
    }

    /** A complaint or report unless the caller says otherwise. */
    ComplaintType typeOrDefault() {
        return type == null ? ComplaintType.COMPLAINT : type;
    }

    /** What the complaint reports, as the complaint is registered with it. */
    public ComplaintFacts facts() {
        return new ComplaintFacts(typeOrDefault(), category, description, district, enterpriseCode, address,
                location);
    }
}
