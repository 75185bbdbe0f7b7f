package gov.envgov.enforcement.task;

import java.util.UUID;

/**
 * An inspection task as the public reads it (抽查任务公告): the unit's code and name stay null until the task is
 * done.
 */
public record PublicTask(UUID id, UUID drawId, String period, String district, TaskStatus status,
                         String enterpriseCode, String enterpriseName) {
}
