package gov.envgov.enforcement.task;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/enforcement")
@Tag(name = "Inspection tasks", description = "Inspectors drawn for each drawn unit, with recusal")
class TaskController {

    private final TaskService tasks;

    TaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @PostMapping("/draws/{id}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Draw the inspectors for every unit of a draw, once (inspectors, admin)")
    Mono<List<TaskResponse>> assign(@PathVariable UUID id, Authentication authentication) {
        return tasks.assign(id, CurrentUser.from(authentication))
                .map(assigned -> assigned.stream().map(TaskResponse::from).toList());
    }

    @GetMapping("/draws/{id}/tasks")
    @Operation(summary = "A draw's tasks and their inspectors (confidential until the inspection)")
    Mono<List<TaskResponse>> ofDraw(@PathVariable UUID id) {
        return tasks.ofDraw(id).map(found -> found.stream().map(TaskResponse::from).toList());
    }

    @PostMapping("/tasks/{id}/conflict")
    @Operation(summary = "Declare a conflict with the task's unit: recorded, and another inspector is drawn")
    Mono<TaskResponse> declareConflict(@PathVariable UUID id, @Valid @RequestBody TaskRequests.Conflict conflict,
                                       Authentication authentication) {
        return tasks.declareConflict(id, conflict.kind(), conflict.note(), CurrentUser.from(authentication))
                .map(TaskResponse::from);
    }
}
