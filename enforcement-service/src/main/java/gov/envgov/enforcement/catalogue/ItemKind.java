package gov.envgov.enforcement.catalogue;

/** What the bureau may do under a catalogue item (行政执法事项类别). */
public enum ItemKind {
    /** 行政检查: what an inspection checks; the checklists of tasks are made of these. */
    INSPECTION,
    /** 行政处罚: a violation the bureau may penalise. */
    PENALTY,
    /** 行政强制: a coercive measure (sealing, seizure). */
    COERCION
}
