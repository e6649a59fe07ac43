package com.jobsconsole.model;

import java.time.LocalDateTime;
import java.util.UUID;

/** What a caller asks the store to create: a job without the times the store writes itself. */
public record JobDraft(UUID guid, int status, int type, JobSource source,
                       Long processVersionId, Long robotId, Long accountId, Long scheduleId, Long taskId,
                       LocalDateTime stopAfter, LocalDateTime abortAfter) {

    /** A draft with the usual defaults: Pending, Orchestrated, made in the GUI. */
    public static JobDraft of(UUID guid, long processVersionId, long robotId, long accountId) {
        return new JobDraft(guid, 1, 1, JobSource.GUI, processVersionId, robotId, accountId,
                null, null, null, null);
    }

    public JobDraft withStatus(int newStatus) {
        return new JobDraft(guid, newStatus, type, source, processVersionId, robotId, accountId,
                scheduleId, taskId, stopAfter, abortAfter);
    }

    public JobDraft withType(int newType) {
        return new JobDraft(guid, status, newType, source, processVersionId, robotId, accountId,
                scheduleId, taskId, stopAfter, abortAfter);
    }

    public JobDraft withGuid(UUID newGuid) {
        return new JobDraft(newGuid, status, type, source, processVersionId, robotId, accountId,
                scheduleId, taskId, stopAfter, abortAfter);
    }

    public JobDraft withIds(Long newProcessVersionId, Long newRobotId, Long newAccountId,
                            Long newScheduleId, Long newTaskId) {
        return new JobDraft(guid, status, type, source, newProcessVersionId, newRobotId, newAccountId,
                newScheduleId, newTaskId, stopAfter, abortAfter);
    }
}
