package gov.envgov.enforcement.pool;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A unit of the inspection pool as staff read it: the registry's part and what the draws and recusal add (credit
 * grade, positive-list status, when and by whom it was last inspected).
 */
public record PoolUnit(String code, String name, String district, String industryCode, String managementClass,
                       String creditGrade, boolean positiveList, LocalDate lastInspectedOn,
                       List<UUID> lastInspectors, long version) {

    public PoolUnit {
        lastInspectors = lastInspectors == null ? List.of() : List.copyOf(lastInspectors);
    }
}
