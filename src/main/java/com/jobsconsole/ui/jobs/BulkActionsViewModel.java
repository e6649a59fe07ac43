package com.jobsconsole.ui.jobs;

import com.jobsconsole.base.DaemonThreads;
import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.gateway.ConflictException;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.Names;
import com.jobsconsole.ui.common.DialogService.PlannedChange;
import com.jobsconsole.ui.common.ProgressTask;
import com.jobsconsole.ui.common.TargetGuard;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.Undo;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Actions on the jobs selected in the browser: request stop, abort, set a status, delete and
 * maintenance. Each asks once, then runs job by job off the FX thread with progress and Cancel,
 * and reports how many succeeded and which failed and why. A new bulk action is one more method
 * here that calls {@link #runBulk}.
 */
public final class BulkActionsViewModel {

    /** The status a stop request and an abort set, by their keys in the reference data. */
    static final String STOPPING = "STOPPING";
    static final String ABORTING = "ABORTING";

    private final UiServices ui;
    private final ProgressTask task;
    private final Supplier<List<Job>> selection;
    private final Supplier<Names> names;
    /** The jobs of a bulk action on an orchestrator, a few at once (daemon threads, made when first needed). */
    private final ExecutorService remotePool;
    private final Undo undo;

    /** @param names the directory's names (a preview names each job's robot and process) */
    public BulkActionsViewModel(UiServices ui, ProgressTask task, Supplier<List<Job>> selection, Supplier<Names> names) {
        this(ui, task, selection, names,
                Executors.newFixedThreadPool(REMOTE_CONCURRENCY, DaemonThreads.named("jobs-console-bulk")));
    }

    private BulkActionsViewModel(UiServices ui, ProgressTask task, Supplier<List<Job>> selection, Supplier<Names> names,
                                 ExecutorService remotePool) {
        this.ui = ui;
        this.task = task;
        this.selection = selection;
        this.names = names;
        this.remotePool = remotePool;
        this.undo = new Undo(ui);
    }

    /** The same actions, with their progress and pool, on other jobs (a job window's one job). */
    public BulkActionsViewModel on(Supplier<List<Job>> jobs) {
        return new BulkActionsViewModel(ui, task, jobs, names, remotePool);
    }

    /** Whether to ask with a preview of every change (more than one job) rather than a plain question. */
    private static boolean bulk(List<Job> jobs) {
        return jobs.size() > 1;
    }

    /** Each job as a preview lists it: its GUID, {@code from} → {@code to}, robot and process by name. */
    private List<PlannedChange> preview(List<Job> jobs, Function<Job, String> from, Function<Job, String> to) {
        Names n = names.get();
        return jobs.stream().map(j -> new PlannedChange(j.guid().toString(), from.apply(j), to.apply(j),
                n.robot(j.robotId()) + " \u00b7 " + n.processVersion(j.processVersionId()))).toList();
    }

    /** Request stop for the selected jobs (the STOPPING status). */
    public void requestStop() {
        setStatus(ui.reference().statusByKey(STOPPING).orElse(null));
    }

    /** Abort the selected jobs (the ABORTING status). */
    public void abort() {
        setStatus(ui.reference().statusByKey(ABORTING).orElse(null));
    }

    /** Sets a status on every selected job, after one confirmation naming how many and the unusual ones. */
    public void setStatus(JobStatus target) {
        List<Job> jobs = selection.get();
        if (target == null || jobs.isEmpty()) {
            return;
        }
        long unusual = jobs.stream().filter(j -> !ui.reference().isUsualTransition(j.status(), target.code())).count();
        String body = unusual == 0 ? ui.messages().get("jobs.bulk.status.body", jobs.size())
                : ui.messages().get("jobs.bulk.status.bodyUnusual", jobs.size(), unusual);
        String title = ui.messages().get("jobs.bulk.status.title");
        String header = ui.messages().get("jobs.bulk.status.header", jobs.size(), ui.messages().label(target));
        String button = ui.messages().get("jobs.bulk.status.button");
        if (bulk(jobs) ? !ui.dialogs().confirmChanges(title, header, body,
                preview(jobs, j -> statusLabel(j.status()), j -> ui.messages().label(target)), button)
                : !ui.dialogs().confirm(title, header, body, button)) {
            return;
        }
        if (!TargetGuard.mayChange(ui, jobs.size(), false)) {
            return;
        }
        // only from the status the user saw: a job changed since is left alone and reported
        runBulk(jobs, JobJournal.Mark.of(bulkAction(jobs, target), Integer.toString(target.code())),
                ui.messages().get("jobs.bulk.status.done", ui.messages().label(target)), j -> {
            if (!ui.gateway().get().updateStatusFrom(j.guid(), j.status(), target.code())) {
                throw new ConflictException("error.job.changedMeanwhile", statusLabel(j.status()));
            }
        });
    }

    /** Deletes the selected jobs after one confirmation naming the count. */
    public void deleteSelected() {
        List<Job> jobs = selection.get();
        if (jobs.isEmpty()) {
            return;
        }
        String title = ui.messages().get("jobs.bulk.delete.title");
        String header = ui.messages().get("jobs.bulk.delete.header", jobs.size());
        String body = ui.messages().get("jobs.bulk.delete.body");
        String button = ui.messages().get("jobs.bulk.delete.button");
        if (bulk(jobs) ? !ui.dialogs().confirmChanges(title, header, body,
                preview(jobs, j -> statusLabel(j.status()), j -> ui.messages().get("preview.deleted")), button)
                : !ui.dialogs().confirm(title, header, body, button)) {
            return;
        }
        if (!TargetGuard.mayChange(ui, jobs.size(), true)) {
            return;
        }
        runBulk(jobs, JobJournal.Mark.of(bulk(jobs) ? JournalAction.BULK_DELETE : JournalAction.DELETE, null),
                ui.messages().get("jobs.bulk.delete.done"), j -> ui.gateway().get().delete(j.guid()));
    }

    /**
     * Maintenance: sets (or clears) the stop-after and abort-after moments of the selected jobs,
     * after asking for them; abort before stop is refused with a message. Only a store file can
     * (the API has no such method): on another target each job is reported as failed, with why.
     */
    public void maintenance() {
        List<Job> jobs = selection.get();
        if (jobs.isEmpty()) {
            return;
        }
        var answer = ui.dialogs().askStopTimes(ui.messages().get("maintenance.title"),
                ui.messages().get("maintenance.header", jobs.size()));
        if (answer.isEmpty()) {
            return;
        }
        var t = answer.get();
        if (t.stopAfter() != null && t.abortAfter() != null && t.abortAfter().isBefore(t.stopAfter())) {
            ui.dialogs().showError(ui.messages().get("maintenance.title"), ui.messages().get("create.warn.abortBeforeStop",
                    JobJson.formatTime(t.abortAfter()), JobJson.formatTime(t.stopAfter())));
            return;
        }
        if (bulk(jobs) && !ui.dialogs().confirmChanges(ui.messages().get("maintenance.title"),
                ui.messages().get("maintenance.preview", jobs.size()), "",
                preview(jobs, j -> times(j.stopAfter(), j.abortAfter()), j -> times(t.stopAfter(), t.abortAfter())),
                ui.messages().get("maintenance.apply"))) {
            return;
        }
        if (!TargetGuard.mayChange(ui, jobs.size(), false)) {
            return;
        }
        runBulk(jobs, JobJournal.Mark.of(bulk(jobs) ? JournalAction.BULK_MAINTENANCE : JournalAction.MAINTENANCE, null),
                ui.messages().get("maintenance.done"), j -> ui.gateway().capability(BulkJobStore.class)
                .orElseThrow(() -> new InvalidInputException("error.maintenance.remote"))
                .setStopTimes(j.guid(), t.stopAfter(), t.abortAfter()));
    }

    /** How the journal names a status change of these jobs: a stop, an abort, or another status. */
    private JournalAction bulkAction(List<Job> jobs, JobStatus target) {
        if (!bulk(jobs)) {
            return JournalAction.SET_STATUS;
        }
        if (STOPPING.equals(target.key())) {
            return JournalAction.BULK_STOP;
        }
        return ABORTING.equals(target.key()) ? JournalAction.BULK_ABORT : JournalAction.BULK_STATUS;
    }

    private String statusLabel(int code) {
        return ui.messages().label(ui.reference(), code);
    }

    /** "stop 2026-12-04 10:00 · abort —": a job's stop and abort times as a preview shows them. */
    private String times(LocalDateTime stop, LocalDateTime abort) {
        return ui.messages().get("maintenance.times", stop == null ? "\u2014" : JobJson.formatTime(stop),
                abort == null ? "\u2014" : JobJson.formatTime(abort));
    }

    /** How many jobs a bulk action on an orchestrator works on at once (a store takes them one by one). */
    static final int REMOTE_CONCURRENCY = 4;

    /**
     * Runs {@code action} on each job off the FX thread, with progress and Cancel, then reports. On an
     * orchestrator, {@value #REMOTE_CONCURRENCY} jobs at once (a slow orchestrator does not serialise its
     * time-outs), and the report says how many changes wait in the outbox to be sent.
     */
    private void runBulk(List<Job> jobs, JobJournal.Mark mark, String doneText, Consumer<Job> action) {
        if (!task.start()) {
            return;
        }
        Optional<RemoteSync> remote = ui.gateway().capability(RemoteSync.class);
        // one journal entry for the whole action, whichever thread changes a job (undone as one step)
        Optional<JobJournal.Recording> recording = ui.gateway().capability(JobJournal.class).map(j -> j.start(mark));
        ui.executor().execute(() -> {
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            Map<UUID, String> failed = Collections.synchronizedMap(new LinkedHashMap<>());
            Consumer<Job> one = j -> {
                if (task.isCancelled()) {
                    return;
                }
                try {
                    recording.ifPresentOrElse(r -> r.within(() -> action.accept(j)), () -> action.accept(j));
                    ok.incrementAndGet();
                } catch (GatewayException e) {
                    failed.put(j.guid(), ui.messages().describe(e));
                }
                task.report(done.incrementAndGet(), jobs.size());
            };
            if (remote.isPresent()) {
                for (Future<?> f : remotePool.invokeAll(jobs.stream().map(j -> (Callable<Object>) () -> {
                    one.accept(j);
                    return null;
                }).toList())) {
                    f.get();
                }
            } else {
                jobs.forEach(one);
            }
            long waiting = remote.map(r -> {
                var states = r.syncStates();
                return jobs.stream().map(Job::guid).filter(g -> states.get(g) == RemoteSync.JobSyncState.PENDING
                        || states.get(g) == RemoteSync.JobSyncState.UNVERIFIED).count();
            }).orElse(0L);
            return new BulkReport(jobs.size(), ok.get(), new LinkedHashMap<>(failed), task.isCancelled(), waiting,
                    recording.flatMap(JobJournal.Recording::entry));
        }, report -> {
            task.finish();
            ui.gateway().changed();
            String summary = ui.messages().get(report.cancelled ? "jobs.bulk.cancelled" : "jobs.bulk.report", doneText,
                    report.ok, report.total, report.failed.size())
                    + (report.waiting > 0 ? " " + ui.messages().get("jobs.bulk.waiting", report.waiting) : "");
            if (report.failed.isEmpty()) {
                undo.notifyChange(summary, report.entry);
            } else {
                ui.dialogs().showError(ui.messages().get("jobs.bulk.failedTitle"), summary + "\n\n" + report.failed.entrySet()
                        .stream().limit(20).map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
            }
        }, e -> {
            task.finish();
            ui.dialogs().showError(ui.messages().get("jobs.bulk.failedTitle"), ui.messages().describe(e));
        });
    }

    private record BulkReport(int total, int ok, Map<UUID, String> failed, boolean cancelled, long waiting,
                              Optional<Long> entry) {
    }
}
