package gov.envgov.complaint.reward;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import gov.envgov.complaint.complainant.Complainant;
import gov.envgov.complaint.complainant.ComplainantService;
import gov.envgov.complaint.complaint.Complaint;
import gov.envgov.complaint.complaint.ComplaintAccess;
import gov.envgov.complaint.complaint.ComplaintRepository;
import gov.envgov.complaint.complaint.ComplaintStore;
import gov.envgov.support.audit.AuditTrail;
import gov.envgov.support.domain.DomainException;
import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import reactor.core.publisher.Mono;

/**
 * Rewards for reports: an officer proposes, another approves or refuses, the payment is recorded; each step one
 * transaction with its audit record. The complainant reads the state of their own.
 */
@Service
public class RewardService {

    /** The audit chain's object type for rewards. */
    static final String AUDIT_TYPE = "complaint_reward";

    private final RewardRepository rewards;
    private final ComplaintStore store;
    private final ComplaintRepository complaints;
    private final ComplainantService complainants;
    private final AuditTrail audit;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private final RewardRules rules;
    private final RewardProperties properties;

    RewardService(RewardRepository rewards, ComplaintStore store, ComplaintRepository complaints,
                  ComplainantService complainants, AuditTrail audit, TransactionalOperator transactions, Clock clock,
                  RewardProperties properties) {
        this.rewards = rewards;
        this.store = store;
        this.complaints = complaints;
        this.complainants = complainants;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.rules = new RewardRules(properties.amounts());
        this.properties = properties;
    }

    /**
     * An officer proposes a reward with the table's amount for the severity; the complaint must be eligible. Its
     * identity is read masked (whether a name and contact were given), and that access is logged.
     */
    public Mono<RewardResponse> propose(UUID complaintId, RewardSeverity severity, String grounds,
                                        CurrentUser officer) {
        return transactions.transactional(store.visibleTo(complaintId, officer)
                .flatMap(complaint -> complainants.masked(complaintId, officer.username())
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .zipWith(complaints.earlierReports(complaint,
                                complaint.registeredAt().minus(properties.noveltyWindow())))
                        .flatMap(found -> propose(complaint, found.getT1().orElse(null), found.getT2(), severity,
                                grounds, officer))));
    }

    private Mono<RewardResponse> propose(Complaint complaint, @Nullable Complainant identity, long earlier,
                                         RewardSeverity severity, String grounds, CurrentUser officer) {
        rules.requireEligible(complaint, identity, earlier);
        Reward reward = Reward.propose(UUID.randomUUID(), complaint.id(), severity, rules.amountFor(severity),
                grounds, officer.username(), clock.instant());
        return rewards.insert(reward)
                .flatMap(inserted -> inserted ? audit.record(officer.username(), "reward-propose", AUDIT_TYPE,
                                reward.id().toString(), Map.of("complaintId", complaint.id().toString(),
                                        "severity", severity.name(), "amountYuan", reward.amountYuan()))
                        .thenReturn(RewardResponse.from(reward, complaint.trackingCode()))
                        : Mono.error(new DomainException.Conflict("reward-exists", "complaint "
                                + complaint.trackingCode() + " has a reward already")));
    }

    public Mono<RewardResponse> approve(UUID rewardId, CurrentUser approver) {
        return step(rewardId, approver, "reward-approve", reward -> reward.approve(approver.username(),
                clock.instant()), Map.of());
    }

    public Mono<RewardResponse> refuse(UUID rewardId, String reason, CurrentUser approver) {
        return step(rewardId, approver, "reward-refuse", reward -> reward.refuse(approver.username(), reason,
                clock.instant()), Map.of("reason", reason));
    }

    public Mono<RewardResponse> recordPayment(UUID rewardId, String reference, CurrentUser payer) {
        return step(rewardId, payer, "reward-pay", reward -> reward.recordPayment(payer.username(), reference,
                clock.instant()), Map.of("reference", reference));
    }

    private Mono<RewardResponse> step(UUID rewardId, CurrentUser actor, String action, Function<Reward, Reward> decide,
                                      Map<String, ?> details) {
        return transactions.transactional(rewards.find(rewardId)
                .switchIfEmpty(Mono.error(new DomainException.NotFound("reward", rewardId.toString())))
                .flatMap(reward -> {
                    Reward next = decide.apply(reward);
                    return rewards.update(next)
                            .flatMap(updated -> updated
                                    ? audit.record(actor.username(), action, AUDIT_TYPE, rewardId.toString(), details)
                                    .thenReturn(next)
                                    : Mono.error(new DomainException.Conflict("stale-version",
                                    "reward " + rewardId + " was changed meanwhile; reload it",
                                    new DomainException.Blocker("reward", rewardId, null), null)));
                })
                .flatMap(this::view));
    }

    /** Every reward, or those in one state, for staff: by tracking code, never with a name. */
    public Mono<PageResponse<RewardResponse>> list(@Nullable RewardStatus status, PageRequest page) {
        return rewards.list(status, page.offset(), page.size())
                .concatMap(this::view)
                .collectList()
                .zipWith(rewards.count(status))
                .map(result -> new PageResponse<>(result.getT1(), page.page(), page.size(), result.getT2()));
    }

    /** The reward of a complaint the reader may see: the complainant reads the state of their own. */
    public Mono<RewardResponse.Own> ofComplaint(UUID complaintId, CurrentUser reader) {
        return store.visibleTo(complaintId, reader)
                .filter(complaint -> ComplaintAccess.isComplainant(complaint, reader)
                        || !ComplaintAccess.isHandler(reader))
                .flatMap(complaint -> rewards.findByComplaint(complaintId)
                        .map(reward -> RewardResponse.Own.from(reward, complaint.trackingCode())))
                .switchIfEmpty(Mono.error(new DomainException.NotFound("reward of complaint",
                        complaintId.toString())));
    }

    private Mono<RewardResponse> view(Reward reward) {
        return complaints.find(reward.complaintId())
                .map(complaint -> RewardResponse.from(reward, complaint.trackingCode()));
    }
}
