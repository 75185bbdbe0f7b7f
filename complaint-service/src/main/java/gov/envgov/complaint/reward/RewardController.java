package gov.envgov.complaint.reward;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.security.CurrentUser;
import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Rewards", description = "Rewards for reports (有奖举报)")
class RewardController {

    private final RewardService rewards;

    RewardController(RewardService rewards) {
        this.rewards = rewards;
    }

    @PostMapping("/api/complaints/{id}/reward")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a reward for a substantiated first report under a real name; the amount comes from "
            + "the table for the severity")
    Mono<RewardResponse> propose(@PathVariable UUID id, @Valid @RequestBody RewardRequests.Propose request,
                                 Authentication authentication) {
        return rewards.propose(id, request.severity(), request.grounds(), CurrentUser.from(authentication));
    }

    @GetMapping("/api/complaints/{id}/reward")
    @Operation(summary = "The reward of a complaint: its state and amount (the complainant's own, or for staff)")
    Mono<RewardResponse.Own> ofComplaint(@PathVariable UUID id, Authentication authentication) {
        return rewards.ofComplaint(id, CurrentUser.from(authentication));
    }

    @GetMapping("/api/complaints/rewards")
    @Operation(summary = "Rewards, longest waiting first, by tracking code and never with a name (staff)")
    Mono<PageResponse<RewardResponse>> list(@RequestParam(required = false) @Nullable RewardStatus status,
                                            @Valid PageRequest page) {
        return rewards.list(status, page);
    }

    @PostMapping("/api/complaints/rewards/{id}/approve")
    @Operation(summary = "Approve a proposed reward; not by the officer who proposed it (four eyes)")
    Mono<RewardResponse> approve(@PathVariable UUID id, Authentication authentication) {
        return rewards.approve(id, CurrentUser.from(authentication));
    }

    @PostMapping("/api/complaints/rewards/{id}/refuse")
    @Operation(summary = "Refuse a proposed reward with the reason; not by the officer who proposed it")
    Mono<RewardResponse> refuse(@PathVariable UUID id, @Valid @RequestBody RewardRequests.Refuse request,
                                Authentication authentication) {
        return rewards.refuse(id, request.reason(), CurrentUser.from(authentication));
    }

    @PostMapping("/api/complaints/rewards/{id}/payment")
    @Operation(summary = "Record the payment of an approved reward with its reference")
    Mono<RewardResponse> recordPayment(@PathVariable UUID id, @Valid @RequestBody RewardRequests.Payment request,
                                       Authentication authentication) {
        return rewards.recordPayment(id, request.reference(), CurrentUser.from(authentication));
    }
}
