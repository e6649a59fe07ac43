package com.jobsconsole.ui.main;

import com.jobsconsole.base.NoAnswerPolicy;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.gateway.ChangeFeed;
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
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The window follows changes that other processes (another console, {@code serve}, the command
 * line) make to the open store: {@link #poll()}, called twice a second, asks the store's cheap change
 * counter off the FX thread and, when it moved, reads the store's change feed to learn which jobs
 * changed; then the kept counts are read again, and the rows on screen only when a changed job is
 * among them or now matches the filter (a burst of changes between two looks is one update). What
 * Live costs follows what changed, not how many jobs the store holds.
 * A job the window shows that enters Failed or Aborted raises a desktop notification (View can turn
 * them off); a click on it selects the job. On a remote target, Live (a toggle) re-reads the jobs
 * that are not finished every few seconds instead.
 */
public final class LiveViewModel {

    /** How many jobs a Live round reads from an orchestrator at once. */
    static final int LIVE_CONCURRENCY = 4;
    /** At most this many intervals between rounds while the orchestrator does not answer. */
    static final int MAX_BACKOFF = 32;

    /** More changes than this between two looks and the window reads all it shows again. */
    static final int CHANGE_LIMIT = 2_000;
    /** How many looks after a store is first watched its kept counts are checked (once, off the FX thread). */
    static final int CHECK_COUNTS_AFTER = 60;
    /** How long a check of the kept counts stands before the window checks them again. */
    static final Duration CHECK_COUNTS_EVERY = Duration.ofDays(1);

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
    /** The number of the last change read from the watched target's feed (null: not known yet). */
    private Long lastChange;
    private int looks;
    /** Whether the watched store's kept counts are due for their check (learnt at the first look). */
    private boolean countsCheckDue;
    private boolean polling;
    private Consumer<Set<UUID>> onJobsChanged = changed -> { };

    /**
     * @param liveSeconds the remote profile's interval between Live rounds
     * @param nanoTime    the clock the rounds are timed by ({@link System#nanoTime} but in tests)
     */
    public LiveViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor, DialogService dialogs,
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
     * Takes the store's change counter and the number of its newest change now, before the window's
     * first reads, so Live's first look reads again only if something changed since (not the whole
     * first load once more).
     */
    public void watchFromNow() {
        Optional<StoreChanges> changes = gateway.capability(StoreChanges.class);
        if (changes.isEmpty()) {
            return;
        }
        Optional<ChangeFeed> feed = gateway.capability(ChangeFeed.class);
        JobGateway g = gateway.get();
        executor.execute(() -> new Look(changes.get().dataVersion(), null,
                feed.map(ChangeFeed::lastChange).orElse(null)), look -> {
            if (watched == null && g == gateway.get()) {
                watch(g, look);
            }
        }, e -> { });
    }

    private void watch(JobGateway g, Look look) {
        if (g != watched) {
            looks = 0;
            learnIfCountsCheckDue(g);
        }
        watched = g;
        lastVersion = look.version();
        lastChange = look.last();
    }

    /**
     * What one look found: the store's change counter, the changes since the last look (null when
     * not read: nothing moved, or the target has no feed) and the newest change's number.
     */
    private record Look(long version, ChangeFeed.Changes changes, Long last) {
    }

    /**
     * One look at the store: off the FX thread, asks whether another process committed a change
     * since the last look; if so, reads which jobs changed and reads again only what they touch
     * (scroll position, selection and sort are kept). Does nothing on a target that cannot say, or
     * while the last look is still under way.
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
        Optional<ChangeFeed> feed = gateway.capability(ChangeFeed.class);
        JobGateway g = gateway.get();
        boolean known = g == watched;
        Long versionBefore = known ? lastVersion : null;
        Long changeBefore = known ? lastChange : null;
        polling = true;
        executor.execute(() -> {
            long version = changes.get().dataVersion();
            if (versionBefore != null && versionBefore == version) {
                return new Look(version, null, changeBefore);
            }
            if (feed.isEmpty()) {
                return new Look(version, null, null);
            }
            if (changeBefore == null) {
                return new Look(version, null, feed.get().lastChange());
            }
            ChangeFeed.Changes c = feed.get().changesSince(changeBefore, CHANGE_LIMIT);
            return new Look(version, c, c.last());
        }, look -> {
            polling = false;
            if (g != gateway.get()) {
                return; // switched meanwhile: the next look starts afresh
            }
            watch(g, look);
            if (versionBefore == null) {
                // the first look at this store: what it showed may already be older than this look
                readShownAgain(null);
            } else if (versionBefore != look.version()) {
                ChangeFeed.Changes c = look.changes();
                if (c == null || !c.isEmpty()) {
                    changesSeen.set(changesSeen.get() + 1);
                    readShownAgain(c == null || c.everything() ? null : c.guids());
                }
            }
            if (++looks == CHECK_COUNTS_AFTER) {
                checkCounts(g);
            }
        }, e -> polling = false);
    }

    /**
     * At the first look at a store: whether its kept counts were last checked against its jobs more
     * than {@link #CHECK_COUNTS_EVERY} ago (a one-row read). If so, {@link #CHECK_COUNTS_AFTER} looks
     * later (not while the window starts) they are checked off the FX thread — a scan of the whole
     * store — and rebuilt if they disagree (then shown again). While idle Live asks nothing else.
     */
    private void learnIfCountsCheckDue(JobGateway g) {
        countsCheckDue = false;
        g.capability(BulkJobStore.class).ifPresent(s -> executor.execute(() -> s.countsCheckedAt()
                .map(at -> at.plus(CHECK_COUNTS_EVERY).isBefore(LocalDateTime.now())).orElse(true), due -> {
                    if (g == gateway.get()) {
                        countsCheckDue = due;
                    }
                }, e -> { }));
    }

    private void checkCounts(JobGateway g) {
        Optional<BulkJobStore> store = g.capability(BulkJobStore.class);
        if (!countsCheckDue || store.isEmpty()) {
            return;
        }
        countsCheckDue = false;
        executor.execute(store.get()::repairCounts, repaired -> {
            if (repaired && g == gateway.get()) {
                readShownAgain(null);
            }
        }, e -> { });
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
        Optional<ChangeFeed> feed = gateway.capability(ChangeFeed.class);
        JobGateway g = gateway.get();
        Long changeBefore = g == watched ? lastChange : null;
        executor.execute(() -> {
            RemoteSync.RefreshReport report = sync.refreshUnfinished(LIVE_CONCURRENCY, () -> !remoteLiveOn);
            ChangeFeed.Changes c = feed.isEmpty() || changeBefore == null ? null
                    : feed.get().changesSince(changeBefore, CHANGE_LIMIT);
            Long last = c != null ? Long.valueOf(c.last()) : feed.map(ChangeFeed::lastChange).orElse(null);
            return new Round(report, c, last);
        }, round -> {
            polling = false;
            boolean answered = sync.reachability() != RemoteSync.Reachability.NO_ANSWER;
            if (answered) {
                these.answered();
            } else {
                these.noAnswer();
            }
            long waitSeconds = these.secondsToWait();
            String at = LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
            liveStatus.set(answered ? messages.get("live.remote.round", at, round.report().refreshed(),
                    round.report().total()) : messages.get("live.remote.noAnswer", at, waitSeconds));
            gateway.activity();
            if (g != gateway.get()) {
                return;
            }
            watched = g;
            lastChange = round.last();
            ChangeFeed.Changes c = round.changes();
            if (c == null || !c.isEmpty()) {
                // the round's own writes to the cache are the feed's changes: only what they touch is read
                readShownAgain(c == null || c.everything() ? null : c.guids());
            }
        }, e -> {
            polling = false;
            these.noAnswer();
            liveStatus.set(messages.describe(e));
        });
    }

    /** What a remote Live round read, and what it changed in the cache. */
    private record Round(RemoteSync.RefreshReport report, ChangeFeed.Changes changes, Long last) {
    }

    /** Reads again the counts, and what the changed jobs touch ({@code changed}; null: everything shown). */
    private void readShownAgain(Set<UUID> changed) {
        referenceTables.refresh();
        jobs.refreshShown(changed, this::notifyProblems);
        onJobsChanged.accept(changed);
    }

    /** Told which jobs Live saw change (null: maybe any): the open job windows. */
    public void setOnJobsChanged(Consumer<Set<UUID>> listener) {
        onJobsChanged = listener;
    }

    private void notifyProblems(Map<Job, Job> changed) {
        if (!notifications.get()) {
            return;
        }
        changed.forEach((was, now) -> {
            if (notifyStatuses.contains(now.status()) && was.status() != now.status()) {
                String status = messages.label(reference, now.status());
                dialogs.notifyProblem(messages.get("live.problem.title", status),
                        messages.get("live.problem.text", now.guid().toString(), value(jobs.names().robot(now.robotId())),
                                value(jobs.names().processVersion(now.processVersionId()))),
                        () -> jobs.select(now.guid()));
            }
        });
    }

    private static String value(String shown) {
        return shown.isEmpty() ? "—" : shown;
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
