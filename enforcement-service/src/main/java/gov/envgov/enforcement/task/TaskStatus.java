package gov.envgov.enforcement.task;

/**
 * Where an inspection task stands: inspectors assigned (they may still be replaced), the inspection under way, done.
 */
public enum TaskStatus {
    ASSIGNED, INSPECTING, DONE
}
