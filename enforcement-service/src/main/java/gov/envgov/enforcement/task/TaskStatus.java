package gov.envgov.enforcement.task;

/** Where an inspection task stands; inspections themselves (checklists, findings) come next. */
public enum TaskStatus {
    ASSIGNED
}
