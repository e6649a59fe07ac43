package com.jobsconsole.ui.main;

import com.jobsconsole.base.NoAnswerPolicy;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.StoreChanges;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.jobs.JobsBrowserViewModel;
import com.jobsconsole.ui.reference.ReferenceTablesViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The window follows changes that other processes (another console, {@code serve}, the command
 * line) make to the open store: {@link #poll()}, called about once a second by the view, asks the
 * store's cheap change counter off the FX thread and, when it moved, reads again only what is shown.
 * A job the window shows that enters Failed or Aborted raises a desktop notification (View can turn
 * them off); a click on it selects the job. On a remote target, Live (a toggle) re-reads the jobs
 * that are not finished every few seconds instead.
 */
public final class LiveViewModel {

    /** How many jobs a Live round reads from an orchestrator at once. */
    static final int LIVE_CONCURRENCY = 4;
    /** At most this many intervals between rounds while the orchestrator does not answer. */
    static final int MAX_BACKOFF = 32;

    /** The statuses a notification is raised for, by their keys in the reference data. */
    static final Set<String> NOTIFY_KEYS = Set.of("FAILED", "ABORTED");

    private final ActiveGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final ReferenceData reference;
    private final ReferenceTablesViewModel referenceTables;
    private final JobsBrowserViewModel jobs;
    private final Set<Integer> notifyStatuses;
    private final BooleanProperty notifications = new SimpleBooleanProperty(true);
    private final BooleanProperty remoteLive = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper liveStatus = new ReadOnlyStringWrapper("");
    private final IntSupplier liveSeconds;
    private final LongSupplier nanoTime;
    /** When the next remote round comes: the profile's interval, less often while there is no answer. */
    private NoAnswerPolicy rounds;
    /** Whether remote Live is on, for the workers (they do not read JavaFX properties). */
    private volatile boolean remoteLiveOn;
    private final ReadOnlyLongWrapper changesSeen = new ReadOnlyLongWrapper();
    private JobGateway watched;
    private Long lastVersion;
    private boolean polling;

    /**
     * @param liveSeconds the remote profile's interval between Live rounds
     * @param nanoTime    the clock the rounds are timed by ({@link System#nanoTime} but in tests)
     */
    LiveViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor, DialogService dialogs,
                  Messages messages, ReferenceTablesViewModel referenceTables, JobsBrowserViewModel jobs,
                  IntSupplier liveSeconds, LongSupplier nanoTime) {
        this.liveSeconds = liveSeconds;
        this.nanoTime = nanoTime;
        this.reference = reference;
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.referenceTables = referenceTables;
        this.jobs = jobs;
        this.notifyStatuses = reference.statuses().stream().filter(s -> NOTIFY_KEYS.contains(s.key()))
                .map(JobStatus::code).collect(Collectors.toUnmodifiableSet());
        // a new target: Live starts off, and its first round comes at once when turned on
        gateway.onSwitch(g -> {
            remoteLive.set(false);
            liveStatus.set("");
        });
        remoteLive.addListener((o, was, on) -> {
            remoteLiveOn = on;
            rounds = newRounds();
            if (!on) {
                liveStatus.set("");
            }
        });
    }

    private NoAnswerPolicy newRounds() {
        long every = Math.max(1, liveSeconds.getAsInt());
        return NoAnswerPolicy.periodic(nanoTime, Duration.ofSeconds(every), Duration.ofSeconds(every * MAX_BACKOFF));
    }

    /**
     * Takes the store's change counter now, before the window's first reads, so Live's first look
     * reads again only if something changed since (not the whole first load once more).
     */
    public void watchFromNow() {
        Optional<StoreChanges> changes = gateway.capability(StoreChanges.class);
        if (changes.isEmpty()) {
            return;
        }
        JobGateway g = gateway.get();
        executor.execute(() -> changes.get().dataVersion(), version -> {
            if (watched == null && g == gateway.get()) {
                watched = g;
                lastVersion = version;
            }
        }, e -> { });
    }

    /**
     * One look at the store: off the FX thread, asks whether another process committed a change
     * since the last look; if so, the counts, the browser's rows on screen and the selected job's
     * details are read again (scroll position, selection and sort are kept). Does nothing on a
     * target that cannot say, or while the last look is still under way.
     */
    public void poll() {
        Optional<RemoteSync> sync = gateway.capability(RemoteSync.class);
        if (sync.isPresent()) {
            pollRemote(sync.get());
            return;
        }
        Optional<StoreChanges> changes = gateway.capability(StoreChanges.class);
        if (changes.isEmpty() || polling) {
            return;
        }
        JobGateway g = gateway.get();
        polling = true;
        executor.execute(() -> changes.get().dataVersion(), version -> {
            polling = false;
            if (g != gateway.get()) {
                return; // switched meanwhile: the next look starts afresh
            }
            Long before = g == watched ? lastVersion : null;
            watched = g;
            lastVersion = version;
            if (before == null) {
                // the first look at this store: what it showed may already be older than this look
                readShownAgain();
            } else if (!before.equals(version)) {
                changesSeen.set(changesSeen.get() + 1);
                readShownAgain();
            }
        }, e -> polling = false);
    }

    /**
     * Remote Live: when it is on and its time has come, re-reads the unfinished jobs from the
     * orchestrator ({@value #LIVE_CONCURRENCY} at a time) and shows what changed. While the
     * orchestrator does not answer, the rounds come less often (twice the wait each time, up to
     * {@value #MAX_BACKOFF} times the profile's interval).
     */
    private void pollRemote(RemoteSync sync) {
        if (!remoteLive.get() || polling || rounds == null || !rounds.allows()) {
            return;
        }
        polling = true;
        NoAnswerPolicy these = rounds;
        executor.execute(() -> sync.refreshUnfinished(LIVE_CONCURRENCY, () -> !remoteLiveOn), report -> {
            polling = false;
            boolean answered = sync.reachability() != RemoteSync.Reachability.NO_ANSWER;
            if (answered) {
                these.answered();
            } else {
                these.noAnswer();
            }
            long waitSeconds = these.secondsToWait();
            String at = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
            liveStatus.set(answered ? messages.get("live.remote.round", at, report.refreshed(), report.total())
                    : messages.get("live.remote.noAnswer", at, waitSeconds));
            gateway.activity();
            readShownAgain();
        }, e -> {
            polling = false;
            these.noAnswer();
            liveStatus.set(messages.describe(e));
        });
    }

    private void readShownAgain() {
        referenceTables.refresh();
        jobs.refreshShown(this::notifyProblems);
    }

    private void notifyProblems(Map<Job, Job> changed) {
        if (!notifications.get()) {
            return;
        }
        changed.forEach((was, now) -> {
            if (notifyStatuses.contains(now.status()) && was.status() != now.status()) {
                String status = reference.status(now.status()).map(messages::label).orElse(String.valueOf(now.status()));
                dialogs.notifyProblem(messages.get("live.problem.title", status),
                        messages.get("live.problem.text", now.guid().toString(), value(now.robotId()),
                                value(now.processVersionId())),
                        () -> jobs.select(now.guid()));
            }
        });
    }

    private static String value(Long v) {
        return v == null ? "—" : v.toString();
    }

    /** Desktop notifications for jobs entering Failed or Aborted (View menu). */
    public BooleanProperty notificationsProperty() {
        return notifications;
    }

    /** Remote Live: the unfinished jobs are read again every few seconds (the tool bar's toggle). */
    public BooleanProperty remoteLiveProperty() {
        return remoteLive;
    }

    /** When the last Live round finished, or why it did not (the status bar). */
    public ReadOnlyStringProperty liveStatusProperty() {
        return liveStatus.getReadOnlyProperty();
    }

    /** How many changes made elsewhere the window has followed since it opened. */
    public ReadOnlyLongProperty changesSeenProperty() {
        return changesSeen.getReadOnlyProperty();
    }
}
