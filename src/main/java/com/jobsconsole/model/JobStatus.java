package com.jobsconsole.model;

import java.util.List;

/**
 * One row of the status table, as read from {@code job-statuses.json}.
 *
 * @param next the codes of the usual successors of this status
 */
public record JobStatus(int code, String key, StatusKind kind, String color,
                        LocalizedText name, LocalizedText description, List<Integer> next) {

    public JobStatus {
        next = List.copyOf(next);
    }

    public boolean isFinal() {
        return kind == StatusKind.FINAL;
    }

    public boolean isRunning() {
        return kind == StatusKind.RUNNING;
    }
}
