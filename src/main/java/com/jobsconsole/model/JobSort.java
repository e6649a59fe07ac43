package com.jobsconsole.model;

/** The columns a job query can be sorted by (each maps to one column of the store). */
public enum JobSort {
    CREATED_AT, UPDATED_AT, STARTED_AT, COMPLETED_AT, STOP_AFTER, ABORT_AFTER, STATUS, TYPE, SOURCE, GUID,
    ROBOT_ID, PROCESS_VERSION_ID, ACCOUNT_ID, SCHEDULE_ID, TASK_ID,
    /** How long a finished job ran (completed − started); jobs not finished have none and sort first ascending. */
    DURATION,
    /** By the directory's name of the robot (then its id); jobs whose robot has no name sort first ascending. */
    ROBOT_NAME,
    /** By the directory's process and version name (then the id). */
    PROCESS_NAME;

    /**
     * Whether a job's place in this order moves when the job is updated (a status change, a stop or
     * abort time): then a changed job anywhere in the filter can move rows on screen.
     */
    public boolean movesOnUpdate() {
        return switch (this) {
            case UPDATED_AT, STARTED_AT, COMPLETED_AT, STOP_AFTER, ABORT_AFTER, STATUS, DURATION -> true;
            default -> false;
        };
    }
}
