package com.jobsconsole.model;

/** The columns a job query can be sorted by (each maps to one column of the store). */
public enum JobSort {
    CREATED_AT, UPDATED_AT, STARTED_AT, COMPLETED_AT, STOP_AFTER, ABORT_AFTER, STATUS, TYPE, SOURCE, GUID,
    ROBOT_ID, PROCESS_VERSION_ID, ACCOUNT_ID, SCHEDULE_ID, TASK_ID
}
