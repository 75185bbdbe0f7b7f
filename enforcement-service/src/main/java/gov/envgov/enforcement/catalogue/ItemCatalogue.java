package gov.envgov.enforcement.catalogue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the inspection-item list and enforcement item catalogue (一单: 随机抽查事项清单 within the
 * 行政执法事项目录). Pure; loaded from {@code inspection/items.json}.
 */
public record ItemCatalogue(String version, LocalDate effectiveFrom, List<InspectionItem> items) {

    private static final Set<String> CLASSES = Set.of("KEY", "SIMPLIFIED", "REGISTRATION");

    public ItemCatalogue {
        items = List.copyOf(items);
        Set<String> ids = new HashSet<>();
        for (InspectionItem item : items) {
            if (!ids.add(item.id())) {
                throw new IllegalArgumentException("catalogue " + version + " lists item " + item.id() + " twice");
            }
            if (item.legalBasis().isEmpty()) {
                throw new IllegalArgumentException("catalogue item " + item.id() + " has no legal basis");
            }
            if (!CLASSES.containsAll(item.managementClasses())) {
                throw new IllegalArgumentException("catalogue item " + item.id() + " names an unknown management"
                        + " class: " + item.managementClasses());
            }
        }
    }

    public Optional<InspectionItem> find(String id) {
        return items.stream().filter(item -> item.id().equals(id)).findFirst();
    }

    /** Items of one kind that apply to a class and an industry; a null filter matches every item. */
    public List<InspectionItem> filter(ItemKind kind, String managementClass, String industryCode) {
        return items.stream()
                .filter(item -> kind == null || item.kind() == kind)
                .filter(item -> managementClass == null || item.managementClasses().isEmpty()
                        || item.managementClasses().contains(managementClass))
                .filter(item -> industryCode == null || item.industries().isEmpty()
                        || item.industries().stream().anyMatch(industryCode::startsWith))
                .toList();
    }

    /**
     * ENF-ITEM-CHECKLIST: what an inspection of a unit checks: every inspection item that applies to its management
     * class and industry, in catalogue order.
     */
    public List<InspectionItem> checklistFor(String managementClass, String industryCode) {
        return items.stream().filter(item -> item.kind() == ItemKind.INSPECTION)
                .filter(item -> item.appliesTo(managementClass, industryCode)).toList();
    }
}
