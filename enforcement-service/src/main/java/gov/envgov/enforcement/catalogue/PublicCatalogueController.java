package gov.envgov.enforcement.catalogue;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/public/inspections/items")
@Tag(name = "Public: inspection items", description = "The inspection-item list and enforcement item catalogue")
class PublicCatalogueController {

    private final CatalogueService catalogue;

    PublicCatalogueController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    /** The catalogue as published: its version and the items that match the filters. */
    record CatalogueResponse(String version, LocalDate effectiveFrom, List<InspectionItem> items) {
    }

    @GetMapping
    @Operation(summary = "Catalogue items with their legal basis, by kind, management class and industry code")
    Mono<CatalogueResponse> list(@RequestParam(required = false) ItemKind kind,
                                 @RequestParam(required = false) String managementClass,
                                 @RequestParam(required = false) String industry) {
        ItemCatalogue current = catalogue.catalogue();
        return Mono.just(new CatalogueResponse(current.version(), current.effectiveFrom(),
                current.filter(kind, managementClass, industry)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One catalogue item")
    Mono<InspectionItem> find(@PathVariable String id) {
        return Mono.fromSupplier(() -> catalogue.find(id));
    }
}
