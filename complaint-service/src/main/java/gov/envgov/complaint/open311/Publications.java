package gov.envgov.complaint.open311;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.complaint.complaint.Category;
import gov.envgov.complaint.complaint.ComplaintStatus;
import gov.envgov.complaint.complaint.ComplaintStore;
import gov.envgov.complaint.intake.ComplaintPublications;
import gov.envgov.complaint.photo.Photos;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.calendar.BureauTime;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.security.Roles;
import reactor.core.publisher.Mono;

/**
 * The public feed's use cases: which complaints it shows (O311-FEED-CONSENT), what it shows of them besides the
 * complaint itself (last change, public reply, first photo), a published photo, and marking a reply public.
 */
@Service
class Publications {

    private final PublicFeed feed;
    private final ComplaintPublications publications;
    private final Photos photos;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final BureauTime time;

    Publications(PublicFeed feed, ComplaintPublications publications, Photos photos, AuditTrail audit,
                 TransactionalOperator transactions, BureauTime time) {
        this.feed = feed;
        this.publications = publications;
        this.photos = photos;
        this.audit = audit;
        this.transactions = transactions;
        this.time = time;
    }

    /** What the feed shows of some complaints beyond the complaint itself. */
    record Details(Map<UUID, Instant> lastChanged, Set<UUID> publicReplies, Map<UUID, UUID> firstPhotos) {
    }

    Mono<List<String>> search(Set<Category> categories, Instant start, Instant end, Set<ComplaintStatus> states,
                              int limit) {
        return feed.search(categories, start, end, states, limit);
    }

    Mono<List<String>> published(List<String> trackingCodes) {
        return feed.published(trackingCodes);
    }

    Mono<Details> details(List<UUID> complaintIds) {
        return Mono.zip(feed.lastChanged(complaintIds), feed.publicReplies(complaintIds),
                        photos.firstPhotos(complaintIds))
                .map(found -> new Details(found.getT1(), found.getT2(), found.getT3()));
    }

    /** A photo of a published complaint; empty for any other. */
    Mono<Photos.Photo> media(UUID photoId) {
        return photos.publicCandidate(photoId)
                .filterWhen(owned -> publications.find(owned.complaintId())
                        .map(ComplaintPublications.Publication::consented))
                .map(Photos.Owned::photo);
    }

    /** O311-REPLY-PUBLIC-MARK: a hotline operator or an admin marks the reply of a published complaint. */
    Mono<Void> markReply(UUID complaintId, boolean replyPublic, CurrentUser user) {
        if (!user.hasAnyRole(Roles.HOTLINE_OPERATOR, Roles.ADMIN)) {
            return Mono.error(new DomainException.Forbidden("only a hotline operator or an admin marks a reply "
                    + "public"));
        }
        return transactions.transactional(publications.find(complaintId)
                .filter(ComplaintPublications.Publication::consented)
                .switchIfEmpty(Mono.error(new DomainException.RuleViolation("not-published", "replyPublic",
                        "the filer of this complaint did not agree to the public feed")))
                .then(publications.markReply(complaintId, replyPublic, user.username(), time.now()))
                .then(audit.record(user.username(), "mark-reply-public", ComplaintStore.AUDIT_TYPE,
                        complaintId.toString(), Map.of("replyPublic", replyPublic))));
    }
}
