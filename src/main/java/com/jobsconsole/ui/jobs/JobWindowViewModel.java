package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobDurations;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.UsualDuration;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.WindowKind;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One job's whole story, in a window of its own: every field by its name (robot, process and account
 * by their directory names), how long it ran beside its process version's usual duration, how long it
 * has been in its status, its status history with where each change came from, the API's JSON, and
 * its actions. Several can be open; each reads its job again when Live or the console changes it.
 */
public final class JobWindowViewModel {

    public static final WindowKind<JobWindowViewModel> WINDOW = new WindowKind<>("job", "job.window.title", false,
            1180, 720); // the Russian tool bar whole, with Link (issue 23)

    /** A field as the window shows it: its name, its value, and what else to say of it (API name, id). */
    public record Field(String label, String value, String detail) {
    }

    /**
     * A step of the status history.
     *
     * @param color  the status's colour in the reference table
     * @param origin where the change came from, in words (empty for the creation)
     */
    public record Step(String at, String text, String origin, String color) {
    }

    /** What one read of the job found, before it is put on screen. */
    private record Story(Job job, List<JobEvent> history, UsualDuration usual, Names names) {
    }

    private final UiServices ui;
    private final UUID guid;
    private final Clock clock;
    private final BulkActionsViewModel actions;
    private final Consumer<Job> onClone;
    private final Function<UUID, String> curl;
    private final Function<UUID, String> link;
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ObservableList<Step> history = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Job> job = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusColor = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper duration = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper usual = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper unusual = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper inStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private boolean again;

    /**
     * @param browserActions the browser's actions (their progress, their pool), used here on this job alone
     * @param onClone clones the job into the Create tab
     * @param curl    the job's read request as a curl command for the active target (no key in it)
     * @param link    the link that opens the job on the active target
     */
    public JobWindowViewModel(UiServices ui, UUID guid, Clock clock, BulkActionsViewModel browserActions,
                              Consumer<Job> onClone, Function<UUID, String> curl,
                              Function<UUID, String> link) {
        this.ui = ui;
        this.guid = guid;
        this.clock = clock;
        this.actions = browserActions.on(() -> job.get() == null ? List.of() : List.of(job.get()));
        this.onClone = onClone;
        this.curl = curl;
        this.link = link;
        title.set(ui.messages().get("job.window.title", guid));
    }

    public UUID guid() {
        return guid;
    }

    /** Reads the job, its history, its usual duration and the names again, off the FX thread. */
    public void load() {
        if (loading.get()) {
            again = true; // a change while reading: once more when this read is done
            return;
        }
        loading.set(true);
        JobGateway g = ui.gateway().get();
        Optional<JobDurations> durations = ui.gateway().capability(JobDurations.class);
        Optional<JobDirectory> directory = ui.gateway().capability(JobDirectory.class);
        ui.executor().execute(() -> {
            Job j = g.read(guid);
            UsualDuration u = j.processVersionId() == null ? null
                    : durations.flatMap(d -> d.usual(j.processVersionId())).orElse(null);
            return new Story(j, g.history(guid), u, directory.map(JobDirectory::names).orElse(Names.NONE));
        }, story -> {
            show(story);
            done();
        }, e -> {
            if (e instanceof NotFoundException) { // deleted: its actions have nothing to act on
                job.set(null);
                problem.set(ui.messages().get("job.window.gone", guid));
            } else {
                problem.set(ui.messages().describe(e));
            }
            done();
        });
    }

    private void done() {
        loading.set(false);
        if (again) {
            again = false;
            load();
        }
    }

    private void show(Story story) {
        Job j = story.job();
        Names names = story.names();
        job.set(j);
        problem.set("");
        var messages = ui.messages();
        JobStatus s = ui.reference().status(j.status()).orElse(null);
        status.set(s == null ? String.valueOf(j.status()) : messages.label(s));
        statusColor.set(s == null ? "" : s.color());
        title.set(messages.get("job.window.titleOf", status.get(), j.guid()));
        LocalDateTime now = LocalDateTime.now(clock);
        Duration ran = JobRowViewModel.ran(j, s, now);
        duration.set(ran == null ? messages.get("job.duration.none")
                : messages.get(j.completedAt() != null ? "job.duration.ran" : "job.duration.running",
                JobRowViewModel.formatDuration(ran, messages)));
        UsualDuration u = story.usual();
        usual.set(u == null ? messages.get("job.usual.none") : messages.get("job.usual", u.runs(),
                JobRowViewModel.formatDuration(u.median(), messages), JobRowViewModel.formatDuration(u.p95(), messages)));
        unusual.set(u != null && u.isUnusual(ran));
        List<JobEvent> events = story.history();
        LocalDateTime since = events.isEmpty() ? j.createdAt() : events.get(events.size() - 1).at();
        inStatus.set(since == null ? "" : messages.get("job.inStatus",
                JobRowViewModel.formatDuration(Duration.between(since, now), messages), JobJson.formatTime(since)));
        fields.setAll(fields(j, names));
        history.setAll(steps(events));
        json.set(JobJson.write(j));
    }

    private List<Field> fields(Job j, Names names) {
        var m = ui.messages();
        List<Field> out = new ArrayList<>();
        out.add(new Field(m.get("job.field.guid"), j.guid().toString(), "guid"));
        out.add(new Field(m.get("jobs.col.status"), status.get(), "status = " + j.status()));
        out.add(new Field(m.get("jobs.col.type"),
                ui.reference().type(j.type()).map(m::label).orElse(String.valueOf(j.type())), "type = " + j.type()));
        out.add(new Field(m.get("jobs.col.source"), j.source() == null ? "" : j.source().wire(), "source"));
        out.add(named(m.get("jobs.col.robot"), names, DirectoryKind.ROBOT, j.robotId(), "robot_id"));
        out.add(named(m.get("job.field.process"), names, DirectoryKind.PROCESS_VERSION, j.processVersionId(),
                "process_version_id"));
        out.add(named(m.get("job.field.account"), names, DirectoryKind.ACCOUNT, j.accountId(), "account_id"));
        out.add(new Field(m.get("jobs.col.schedule"), id(j.scheduleId()), "schedule_id"));
        out.add(new Field(m.get("jobs.col.task"), id(j.taskId()), "task_id"));
        out.add(time(m.get("jobs.col.created"), j.createdAt(), "created_at"));
        out.add(time(m.get("jobs.col.started"), j.startedAt(), "started_at"));
        out.add(time(m.get("jobs.col.completed"), j.completedAt(), "completed_at"));
        out.add(time(m.get("jobs.col.updated"), j.updatedAt(), "updated_at"));
        out.add(time(m.get("jobs.col.stopAfter"), j.stopAfter(), "stop_after"));
        out.add(time(m.get("jobs.col.abortAfter"), j.abortAfter(), "abort_after"));
        return out;
    }

    private static Field named(String label, Names names, DirectoryKind kind, Long id, String apiName) {
        return new Field(label, names.label(kind, id), id == null ? apiName : apiName + " = " + id);
    }

    private static Field time(String label, LocalDateTime t, String apiName) {
        return new Field(label, t == null ? "" : JobJson.formatTime(t), apiName);
    }

    private static String id(Long v) {
        return v == null ? "" : v.toString();
    }

    private List<Step> steps(List<JobEvent> events) {
        var m = ui.messages();
        List<Step> out = new ArrayList<>();
        for (JobEvent e : events) {
            JobStatus to = ui.reference().status(e.toStatus()).orElse(null);
            String toText = to == null ? String.valueOf(e.toStatus()) : m.label(to);
            String text = e.fromStatus() == null ? m.get("job.history.created", toText)
                    : m.get("job.history.changed", ui.reference().status(e.fromStatus()).map(m::label)
                    .orElse(String.valueOf(e.fromStatus())), toText);
            out.add(new Step(JobJson.formatTime(e.at()), text, origin(e.origin()), to == null ? "" : to.color()));
        }
        return out;
    }

    private String origin(ChangeOrigin o) {
        return o == null ? "" : ui.messages().get("job.origin." + o.name().toLowerCase(Locale.ROOT));
    }

    /** Jobs changed (null: maybe any): read again when this one is among them. */
    public void changed(Set<UUID> jobs) {
        if (jobs == null || jobs.contains(guid)) {
            load();
        }
    }

    // ---- copying and actions

    public String guidText() {
        return guid.toString();
    }

    /** The job as the API returns it (its own fields, no names). */
    public String jsonText() {
        return json.get();
    }

    /** {@code curl} reading this job from the active target; the key comes from an environment variable. */
    public String curlText() {
        return curl.apply(guid);
    }

    /** The link that opens this job's window on this target, for a ticket or a chat ({@code jobs-console://job/…}). */
    public String linkText() {
        return link.apply(guid);
    }

    public void requestStop() {
        actions.requestStop();
    }

    public void abort() {
        actions.abort();
    }

    public void setStatus(JobStatus s) {
        actions.setStatus(s);
    }

    public void delete() {
        actions.deleteSelected();
    }

    public void cloneJob() {
        if (job.get() != null) {
            onClone.accept(job.get());
        }
    }

    public List<JobStatus> statuses() {
        return ui.reference().statuses();
    }

    public String label(JobStatus s) {
        return ui.messages().label(s);
    }

    // ---- what the view shows

    public ObservableList<Field> fields() {
        return fields;
    }

    public ObservableList<Step> history() {
        return history;
    }

    /** The job as last read (null before the first read, and when it is gone). */
    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusColorProperty() {
        return statusColor.getReadOnlyProperty();
    }

    /** "Ran 3 min 12 s", "Running for 5 min", "Not started". */
    public ReadOnlyStringProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    /** Its process version's usual duration: median and p95 of the last finished runs. */
    public ReadOnlyStringProperty usualProperty() {
        return usual.getReadOnlyProperty();
    }

    /** Set when the job runs (or ran) longer than its process version's p95. */
    public ReadOnlyBooleanProperty unusualProperty() {
        return unusual.getReadOnlyProperty();
    }

    /** "Running for 12 min (since …)". */
    public ReadOnlyStringProperty inStatusProperty() {
        return inStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty jsonProperty() {
        return json.getReadOnlyProperty();
    }

    /** Why the job cannot be shown (deleted, the target not answering), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
