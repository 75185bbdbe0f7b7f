package gov.envgov.enforcement.task;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gov.envgov.support.web.PageRequest;
import gov.envgov.support.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/public/inspections/tasks")
@Tag(name = "Public: inspection tasks", description = "Tasks of the draws; the unit is named once it is inspected")
class PublicTaskController {

    private final TaskService tasks;

    PublicTaskController(TaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "Inspection tasks, newest draw first, of one draw if named; no unit before it is inspected")
    Mono<PageResponse<PublicTask>> list(@RequestParam(required = false) UUID drawId, @Valid PageRequest page) {
        return tasks.publicTasks(drawId, page);
    }
}
