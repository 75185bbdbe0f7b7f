package gov.envgov.enforcement.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import gov.envgov.support.domain.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published item catalogue, read once at start-up from {@code inspection/items.json}. */
@Service
public class CatalogueService {

    private final ItemCatalogue catalogue;

    CatalogueService(JsonMapper json) throws IOException {
        try (InputStream in = new ClassPathResource("inspection/items.json").getInputStream()) {
            JsonNode root = json.readTree(in);
            this.catalogue = new ItemCatalogue(root.get("version").asString(),
                    json.treeToValue(root.get("effectiveFrom"), LocalDate.class),
                    List.of(json.treeToValue(root.get("items"), InspectionItem[].class)));
        }
    }

    public ItemCatalogue catalogue() {
        return catalogue;
    }

    public InspectionItem find(String id) {
        return catalogue.find(id).orElseThrow(() -> new DomainException.NotFound("catalogue item", id));
    }

    /** The items an inspection of a unit of this class and industry checks. */
    public List<InspectionItem> checklistFor(String managementClass, String industryCode) {
        return catalogue.checklistFor(managementClass, industryCode);
    }
}
