package gov.envgov.enforcement.catalogue;

import java.util.List;

/**
 * One item of the enforcement item catalogue (行政执法事项目录): what may be inspected, penalised or enforced, on
 * which legal basis, and for which units.
 *
 * @param managementClasses the management classes it applies to (KEY, SIMPLIFIED, REGISTRATION); empty for all
 * @param industries prefixes of the national industry codes it applies to (e.g. {@code C25}); empty for all
 */
public record InspectionItem(String id, ItemKind kind, String title, String checkPoint,
                             List<LegalCitation> legalBasis, List<String> managementClasses,
                             List<String> industries) {

    public InspectionItem {
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        managementClasses = managementClasses == null ? List.of() : List.copyOf(managementClasses);
        industries = industries == null ? List.of() : List.copyOf(industries);
    }

    /** ENF-ITEM-APPLIES: the item covers the unit's management class and its industry (by code prefix). */
    public boolean appliesTo(String managementClass, String industryCode) {
        boolean classMatches = managementClasses.isEmpty() || managementClasses.contains(managementClass);
        boolean industryMatches = industries.isEmpty() || industryCode != null
                && industries.stream().anyMatch(industryCode::startsWith);
        return classMatches && industryMatches;
    }

    /** The citations joined for a record or a publication. */
    public String legalBasisText() {
        return String.join("；", legalBasis.stream().map(LegalCitation::text).toList());
    }
}
