package com.jobsconsole.model;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A job as the store or the orchestrator knows it. Ids that the orchestrator may leave out are
 * nullable; times are the orchestrator's local time without a zone.
 */
public record Job(UUID guid, int status, int type, JobSource source,
                  Long processVersionId, Long robotId, Long accountId, Long scheduleId, Long taskId,
                  LocalDateTime stopAfter, LocalDateTime abortAfter,
                  LocalDateTime createdAt, LocalDateTime updatedAt,
                  LocalDateTime startedAt, LocalDateTime completedAt) {

    public Job {
        Objects.requireNonNull(guid, "guid");
    }
}
