package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobDurations;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.model.UsualDuration;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The selected job's details: first what a person looks for (status, robot, process, how long it ran
 * beside its process version's usual, when it started and ended), then every field by its API name,
 * and its status history.
 */
public final class JobDetailsViewModel {

    /** One field of the job: its API name and its value as shown. */
    public record DetailRow(String field, String value) {
    }

    private final ReferenceData reference;
    private final ActiveGateway gateway;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ObservableList<DetailRow> summary = FXCollections.observableArrayList();
    private final ObservableList<DetailRow> details = FXCollections.observableArrayList();
    private final Supplier<Names> names;
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private UUID shown;

    /** @param names the directory's names for the ids the job carries (as the browser last read them) */
    public JobDetailsViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor, Messages messages,
                               Supplier<Names> names) {
        this.reference = reference;
        this.gateway = gateway;
        this.executor = executor;
        this.messages = messages;
        this.names = names;
    }

    /** Shows a job (its fields at once, its history when read), or nothing for null. */
    public void show(Job job) {
        summary.clear();
        details.clear();
        history.clear();
        shown = job == null ? null : job.guid();
        if (job == null) {
            return;
        }
        Names n = names.get();
        String duration = new JobRowViewModel(job, reference, messages, n, false).duration();
        summary.setAll(List.of(
                summaryRow("jobs.col.status", label(job)),
                summaryRow("jobs.col.robot", n.label(DirectoryKind.ROBOT, job.robotId())),
                summaryRow("job.field.process", n.label(DirectoryKind.PROCESS_VERSION, job.processVersionId())),
                summaryRow("jobs.col.duration", duration),
                summaryRow("jobs.col.started", JobJson.formatTime(job.startedAt())),
                summaryRow("jobs.col.completed", JobJson.formatTime(job.completedAt())),
                summaryRow("jobs.col.created", JobJson.formatTime(job.createdAt()))));
        add("guid", job.guid().toString());
        add("status", label(job));
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
        Optional<JobDurations> usual = gateway.capability(JobDurations.class);
        Long version = job.processVersionId();
        executor.execute(() -> new Read(g.history(guid), version == null ? null
                : usual.flatMap(d -> d.usual(version)).orElse(null)), read -> {
            if (guid.equals(shown)) {
                history.setAll(read.history().stream().map(this::describe).toList());
                if (read.usual() != null && !duration.isEmpty()) {
                    summary.set(3, new DetailRow(messages.get("jobs.col.duration"), withUsual(job, duration, read.usual())));
                }
            }
        }, e -> {
            if (guid.equals(shown)) {
                history.setAll(messages.describe(e));
            }
        });
    }

    private record Read(List<JobEvent> history, UsualDuration usual) {
    }

    /**
     * A line of the summary: a value the job does not have (not started, not finished, no robot) is a dash, so the
     * line does not look as if it failed to load. The field table below keeps the API's empty values.
     */
    private DetailRow summaryRow(String key, String value) {
        return new DetailRow(messages.get(key), value == null || value.isEmpty() ? "\u2014" : value);
    }

    /** "3 min 12 s · usual 2 min 05 s, 95% within 5 min" and, past that, a warning sign. */
    private String withUsual(Job job, String duration, UsualDuration u) {
        boolean past = u.isUnusual(JobRowViewModel.ran(job, reference.status(job.status()).orElse(null),
                LocalDateTime.now()));
        return (past ? "\u26a0 " : "") + messages.get("jobs.details.usual", duration,
                JobRowViewModel.formatDuration(u.median(), messages), JobRowViewModel.formatDuration(u.p95(), messages));
    }

    private String label(Job job) {
        return messages.label(reference, job.status());
    }

    private String describe(JobEvent e) {
        String to = messages.label(reference, e.toStatus());
        String at = JobJson.formatTime(e.at());
        if (e.fromStatus() == null) {
            return messages.get("jobs.history.created", at, to);
        }
        String from = messages.label(reference, e.fromStatus());
        return messages.get("jobs.history.changed", at, from, to);
    }

    private void add(String field, Object value) {
        details.add(new DetailRow(field, value == null ? "" : value.toString()));
    }

    /** What a person looks for first: status, robot, process, duration (with the usual one), times. */
    public ObservableList<DetailRow> summary() {
        return summary;
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
