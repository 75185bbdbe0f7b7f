package gov.envgov.complaint.intake;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/public/complaints")
@Tag(name = "Public complaint tracking", description = "Anonymous complaints and tracking by code and secret")
class PublicComplaintController {

    private final IntakeService intake;

    PublicComplaintController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a complaint anonymously; keep the secret to follow it")
    Mono<AnonymousReceipt> fileAnonymously(@Valid @RequestBody FileComplaintRequest request) {
        return intake.fileAnonymously(request);
    }

    @GetMapping("/{trackingCode}")
    @Operation(summary = "Progress of a complaint, for whoever holds its tracking code and secret")
    Mono<PublicComplaintView> track(@PathVariable String trackingCode,
                                    @RequestHeader(name = "X-Tracking-Secret", required = false)
                                    @Nullable String secret) {
        return intake.track(trackingCode, secret);
    }
}
