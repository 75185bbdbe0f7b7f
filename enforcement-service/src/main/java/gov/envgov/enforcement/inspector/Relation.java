package gov.envgov.enforcement.inspector;

import java.time.Instant;
import java.util.UUID;

/** A declared relation or interest between an inspector and an enterprise. */
public record Relation(UUID inspectorId, String enterpriseCode, RelationKind kind, String note, Instant declaredAt,
                       String declaredBy) {
}
