package gov.envgov.complaint.open311;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/open311/clients")
@Tag(name = "Open311 clients", description = "Api keys of client applications (admin)")
class Open311ClientController {

    private final Open311Clients clients;

    Open311ClientController(Open311Clients clients) {
        this.clients = clients;
    }

    record IssueKey(@NotBlank @Size(max = 100) String name, @Size(max = 200) String apiKey) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a client application and issue its api key (shown once)")
    Mono<Open311Clients.Client> issue(@Valid @RequestBody IssueKey request, Authentication authentication) {
        return clients.issue(request.name(), request.apiKey(), CurrentUser.from(authentication));
    }

    @GetMapping
    @Operation(summary = "Registered client applications (keys are never shown again)")
    Flux<Open311Clients.Client> list() {
        return clients.list();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a client's api key")
    Mono<Void> revoke(@PathVariable UUID id, Authentication authentication) {
        return clients.revoke(id, CurrentUser.from(authentication));
    }
}
