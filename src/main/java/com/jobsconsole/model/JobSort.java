package com.jobsconsole.model;

/** The columns a job query can be sorted by. */
public enum JobSort {
    CREATED_AT, UPDATED_AT, STATUS, TYPE, SOURCE, GUID, ROBOT_ID, PROCESS_VERSION_ID
}
