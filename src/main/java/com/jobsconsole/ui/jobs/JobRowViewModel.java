package com.jobsconsole.ui.jobs;

import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.ReferenceData;

import java.time.Duration;
import java.time.LocalDateTime;

/** A row of the jobs browser: the job (null while its page loads) and its values as shown. */
public final class JobRowViewModel {

    private final Job job;
    private final ReferenceData reference;
    private final Messages messages;
    private final Names names;
    private final boolean changed;

    /**
     * @param names   the directory's names for the robot and the process version
     * @param changed the job changed since the row was last shown (the view highlights it briefly)
     */
    JobRowViewModel(Job job, ReferenceData reference, Messages messages, Names names, boolean changed) {
        this.job = job;
        this.reference = reference;
        this.messages = messages;
        this.names = names;
        this.changed = changed;
    }

    /** Whether the job changed since its row was last shown (a change made elsewhere, seen live). */
    public boolean isChanged() {
        return changed;
    }

    /** How long the view marks a changed row. */
    public static final Duration CHANGE_MARK = Duration.ofSeconds(3);

    /** The job, or null while its page is loading. */
    public Job job() {
        return job;
    }

    public boolean isLoading() {
        return job == null;
    }

    public String guid() {
        return job == null ? messages.get("jobs.loading") : job.guid().toString();
    }

    public String statusName() {
        return job == null ? "" : reference.status(job.status()).map(s -> messages.text(s.name()))
                .orElse(String.valueOf(job.status()));
    }

    /** The status colour, for the chip. */
    public String statusColor() {
        return job == null ? null : reference.status(job.status()).map(JobStatus::color).orElse("-color-neutral-muted");
    }

    public String typeName() {
        return job == null ? "" : reference.type(job.type()).map(t -> messages.text(t.name()))
                .orElse(String.valueOf(job.type()));
    }

    public String source() {
        return job == null || job.source() == null ? "" : job.source().wire();
    }

    /** The robot's name from the directory, else {@code #id}. */
    public String robot() {
        return job == null ? "" : names.robot(job.robotId());
    }

    /** The process version's name and version from the directory, else {@code #id}. */
    public String processVersion() {
        return job == null ? "" : names.processVersion(job.processVersionId());
    }

    /** What the robot cell's tooltip says: its id (and that the directory has no name for it). */
    public String robotTip() {
        return tip("jobs.tip.robot", job == null ? null : job.robotId(), DirectoryKind.ROBOT);
    }

    public String processVersionTip() {
        return tip("jobs.tip.process", job == null ? null : job.processVersionId(), DirectoryKind.PROCESS_VERSION);
    }

    private String tip(String key, Long id, DirectoryKind kind) {
        if (id == null) {
            return null;
        }
        return messages.get(key, id) + (names.name(kind, id).isPresent() ? "" : " " + messages.get("jobs.tip.noName"));
    }

    /** The robot's numeric id, as the jobs carry it (a column hidden by default). */
    public String robotId() {
        return id(job == null ? null : job.robotId());
    }

    public String processVersionId() {
        return id(job == null ? null : job.processVersionId());
    }

    public String task() {
        return id(job == null ? null : job.taskId());
    }

    public String schedule() {
        return id(job == null ? null : job.scheduleId());
    }

    public String created() {
        return job == null ? "" : time(job.createdAt());
    }

    public String started() {
        return job == null ? "" : time(job.startedAt());
    }

    public String completed() {
        return job == null ? "" : time(job.completedAt());
    }

    /**
     * How long the job ran (completed − started), or how long it has been running; empty when it
     * never started.
     */
    public String duration() {
        Duration ran = job == null ? null : ran(job, reference.status(job.status()).orElse(null), LocalDateTime.now());
        if (ran == null) {
            return "";
        }
        return job.completedAt() != null ? formatDuration(ran, messages)
                : messages.get("duration.running", formatDuration(ran, messages));
    }

    /**
     * How long a job ran (completed − started), or has been running until {@code now} (its status not
     * final); null when it never started, or stopped without a completion time.
     */
    static Duration ran(Job j, JobStatus status, LocalDateTime now) {
        if (j.startedAt() == null) {
            return null;
        }
        if (j.completedAt() != null) {
            return Duration.between(j.startedAt(), j.completedAt());
        }
        return status != null && !status.isFinal() ? Duration.between(j.startedAt(), now) : null;
    }

    /** "42 s", "3 min 12 s", "1 h 05 min", "2 d 3 h", in the user's language. */
    static String formatDuration(Duration d, Messages messages) {
        return messages.duration(d);
    }

    public String updated() {
        return job == null ? "" : time(job.updatedAt());
    }

    public String stopAfter() {
        return job == null ? "" : time(job.stopAfter());
    }

    public String abortAfter() {
        return job == null ? "" : time(job.abortAfter());
    }

    private static String id(Long v) {
        return v == null ? "" : v.toString();
    }

    private static String time(LocalDateTime t) {
        return t == null ? "" : JobJson.formatTime(t);
    }
}
