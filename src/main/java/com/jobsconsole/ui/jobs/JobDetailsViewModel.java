package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.UUID;

/** The selected job's details: every field by its API name, and its status history. */
public final class JobDetailsViewModel {

    /** One field of the job: its API name and its value as shown. */
    public record DetailRow(String field, String value) {
    }

    private final ReferenceData reference;
    private final ActiveGateway gateway;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ObservableList<DetailRow> details = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private UUID shown;

    public JobDetailsViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor, Messages messages) {
        this.reference = reference;
        this.gateway = gateway;
        this.executor = executor;
        this.messages = messages;
    }

    /** Shows a job (its fields at once, its history when read), or nothing for null. */
    public void show(Job job) {
        details.clear();
        history.clear();
        shown = job == null ? null : job.guid();
        if (job == null) {
            return;
        }
        add("guid", job.guid().toString());
        add("status", reference.status(job.status()).map(messages::label).orElse(String.valueOf(job.status())));
        add("type", reference.type(job.type()).map(messages::label).orElse(String.valueOf(job.type())));
        add("source", job.source() == null ? "" : job.source().wire());
        add("process_version_id", job.processVersionId());
        add("robot_id", job.robotId());
        add("account_id", job.accountId());
        add("schedule_id", job.scheduleId());
        add("task_id", job.taskId());
        add("stop_after", JobJson.formatTime(job.stopAfter()));
        add("abort_after", JobJson.formatTime(job.abortAfter()));
        add("created_at", JobJson.formatTime(job.createdAt()));
        add("updated_at", JobJson.formatTime(job.updatedAt()));
        add("started_at", JobJson.formatTime(job.startedAt()));
        add("completed_at", JobJson.formatTime(job.completedAt()));
        JobGateway g = gateway.get();
        UUID guid = job.guid();
        executor.execute(() -> g.history(guid), events -> {
            if (guid.equals(shown)) {
                history.setAll(events.stream().map(this::describe).toList());
            }
        }, e -> {
            if (guid.equals(shown)) {
                history.setAll(messages.describe(e));
            }
        });
    }

    private String describe(JobEvent e) {
        String to = reference.status(e.toStatus()).map(messages::label).orElse(String.valueOf(e.toStatus()));
        String at = JobJson.formatTime(e.at());
        if (e.fromStatus() == null) {
            return messages.get("jobs.history.created", at, to);
        }
        String from = reference.status(e.fromStatus()).map(messages::label).orElse(String.valueOf(e.fromStatus()));
        return messages.get("jobs.history.changed", at, from, to);
    }

    private void add(String field, Object value) {
        details.add(new DetailRow(field, value == null ? "" : value.toString()));
    }

    /** The selected job's fields, in the API's order. */
    public ObservableList<DetailRow> details() {
        return details;
    }

    /** The selected job's status changes, oldest first. */
    public ObservableList<String> history() {
        return history;
    }
}
