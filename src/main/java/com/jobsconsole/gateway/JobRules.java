package com.jobsconsole.gateway;

import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.ReferenceData;

/** The rules a new job must keep, whichever gateway stores it. */
public final class JobRules {

    private JobRules() {
    }

    /** @throws InvalidInputException naming the first rule the draft breaks */
    public static void check(JobDraft d, ReferenceData ref) {
        if (d == null || d.guid() == null) {
            throw new InvalidInputException("error.guid.empty");
        }
        checkStatus(d.status(), ref);
        if (ref.type(d.type()).isEmpty()) {
            throw new InvalidInputException("error.type.unknown", String.valueOf(d.type()));
        }
        if (d.source() == null) {
            throw new InvalidInputException("error.source.missing");
        }
        required("process_version_id", d.processVersionId());
        required("robot_id", d.robotId());
        positive("account_id", d.accountId());
        positive("schedule_id", d.scheduleId());
        positive("task_id", d.taskId());
    }

    /** @throws InvalidInputException when the code is not in the status table */
    public static void checkStatus(int status, ReferenceData ref) {
        if (ref.status(status).isEmpty()) {
            throw new InvalidInputException("error.status.unknown", String.valueOf(status));
        }
    }

    private static void required(String field, Long value) {
        if (value == null) {
            throw new InvalidInputException("error.field.required", field);
        }
        positive(field, value);
    }

    private static void positive(String field, Long value) {
        if (value != null && value < 1) {
            throw new InvalidInputException("error.id.notPositive", field, String.valueOf(value));
        }
    }
}
