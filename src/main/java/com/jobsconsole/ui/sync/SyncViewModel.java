package com.jobsconsole.ui.sync;

import com.jobsconsole.base.NoAnswerPolicy;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync.JobSyncState;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.WindowKind;
import com.jobsconsole.ui.common.WindowService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The outbox of a remote target as the window shows it: "N waiting to send to ORCH" in the status
 * bar, each job's sync state for the browser, the Sync window's list with the user's decisions, and
 * the replay itself: by itself while writes wait (every few seconds, less often while the
 * orchestrator does not answer), and on demand. What a replay sent or found in conflict is told in a
 * notification.
 */
public final class SyncViewModel {

    /** How many jobs a replay sends at once. */
    static final int CONCURRENCY = 4;
    /** The first wait before replaying by itself, and the longest (it doubles while there is no answer). */
    static final long FIRST_WAIT_SECONDS = 5;
    static final long MAX_WAIT_SECONDS = 300;

    private final ReferenceData reference;
    private final ActiveGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final Supplier<String> targetName;
    private final LongSupplier nanoTime;

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper conflicts = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper gone = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper syncing = new ReadOnlyBooleanWrapper();
    private final ObservableMap<UUID, JobSyncState> states = FXCollections.observableHashMap();
    private final ObservableList<SyncItemViewModel> items = FXCollections.observableArrayList();
    private final ObjectProperty<SyncItemViewModel> selected = new SimpleObjectProperty<>();
    private final BooleanBinding canDecide;
    private final BooleanBinding canApplyMine;
    private final WindowService windows;

    /** The Sync window: the waiting writes and conflicts, decided there. */
    public static final WindowKind<SyncViewModel> WINDOW = new WindowKind<>("sync", "sync.title", false, 0, 0);
    private boolean reloading;
    private boolean reloadAgain;
    /** When the window replays by itself: every few seconds, less often while there is no answer. */
    private NoAnswerPolicy retry;

    public SyncViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor, DialogService dialogs,
                         WindowService windows, Messages messages, Supplier<String> targetName, LongSupplier nanoTime) {
        this.windows = windows;
        this.reference = reference;
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.targetName = targetName;
        this.nanoTime = nanoTime;
        canDecide = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().isConflict()
                && !syncing.get(), selected, syncing);
        canApplyMine = Bindings.createBooleanBinding(() -> canDecide.get() && selected.get().entry().canApplyMine(),
                canDecide, selected);
        gateway.onSwitch(g -> {
            retry = newRetry();
            reload();
        });
        gateway.onChange(this::reload);
        retry = newRetry();
        reload();
    }

    private NoAnswerPolicy newRetry() {
        return NoAnswerPolicy.periodic(nanoTime, Duration.ofSeconds(FIRST_WAIT_SECONDS), Duration.ofSeconds(MAX_WAIT_SECONDS));
    }

    private Optional<RemoteSync> remote() {
        return gateway.capability(RemoteSync.class);
    }

    private record Snapshot(List<OutboxEntry> entries, Map<UUID, JobSyncState> states) {
    }

    /** Reads the outbox and the jobs' states again, off the FX thread. */
    public void reload() {
        Optional<RemoteSync> sync = remote();
        active.set(sync.isPresent());
        if (sync.isEmpty()) {
            show(new Snapshot(List.of(), Map.of()));
            return;
        }
        if (reloading) {
            reloadAgain = true;
            return;
        }
        reloading = true;
        JobGateway g = gateway.get();
        executor.execute(() -> new Snapshot(sync.get().outbox(), sync.get().syncStates()), snapshot -> {
            reloading = false;
            if (g == gateway.get()) {
                show(snapshot);
            }
            if (reloadAgain) {
                reloadAgain = false;
                reload();
            }
        }, e -> {
            reloading = false;
            lastResult.set(messages.describe(e));
        });
    }

    private void show(Snapshot s) {
        UUID chosen = selected.get() == null ? null : selected.get().entry().guid();
        items.setAll(s.entries().stream().map(e -> new SyncItemViewModel(e, reference, messages)).toList());
        selected.set(items.stream().filter(i -> i.entry().guid().equals(chosen)).findFirst().orElse(null));
        states.keySet().retainAll(s.states().keySet());
        states.putAll(s.states());
        int inConflict = (int) s.entries().stream().filter(e -> e.state() == OutboxEntry.State.CONFLICT).count();
        waiting.set(s.entries().size() - inConflict);
        conflicts.set(inConflict);
        gone.set((int) s.states().values().stream().filter(v -> v == JobSyncState.GONE).count());
        String text = "";
        if (waiting.get() > 0) {
            text = messages.get("sync.status.waiting", waiting.get(), targetName.get());
        }
        if (conflicts.get() > 0) {
            text = (text.isEmpty() ? "" : text + " \u00b7 ") + messages.get("sync.status.conflicts", conflicts.get());
        }
        statusText.set(text);
    }

    /**
     * Called every second: when writes wait and their time has come, replays them quietly. While
     * the orchestrator does not answer, the tries come less often (5 s, doubling to 5 min).
     */
    public void poll() {
        if (!active.get() || syncing.get() || waiting.get() == 0 || !retry.allows()) {
            return;
        }
        run(false);
    }

    /** Send now (the Sync window's button): replays at once, whatever the back-off says. */
    public void syncNow() {
        if (active.get() && !syncing.get()) {
            run(true);
        }
    }

    private void run(boolean asked) {
        RemoteSync sync = remote().orElseThrow();
        JobGateway g = gateway.get();
        syncing.set(true);
        executor.execute(() -> sync.sync(CONCURRENCY, (d, n) -> { }, () -> g != gateway.get()), report -> {
            syncing.set(false);
            boolean answered = !report.noAnswer() || report.sent() > 0;
            if (answered) {
                retry.answered();
            } else {
                retry.noAnswer();
            }
            String result = messages.get("sync.result", report.sent(), report.waiting() - report.conflicts(),
                    report.conflicts());
            if (report.problem() != null && report.waiting() > report.conflicts()) {
                result += " " + messages.get("sync.result.noAnswer", messages.describe(report.problem()),
                        retry.secondsToWait());
            }
            lastResult.set(result);
            if (report.sent() > 0) {
                dialogs.notify(messages.get("sync.notify.sent", report.sent(), targetName.get()));
            }
            if (report.newConflicts() > 0) {
                dialogs.notifyProblem(messages.get("sync.notify.conflictTitle"),
                        messages.get("sync.notify.conflicts", report.newConflicts()), this::show);
            } else if (asked && report.sent() == 0 && report.problem() != null) {
                dialogs.notify(result);
            }
            if (g == gateway.get()) {
                gateway.changed();
            }
        }, e -> {
            syncing.set(false);
            retry.noAnswer();
            lastResult.set(messages.describe(e));
        });
    }

    /** Apply mine, keep theirs or discard, for the selected conflict; then replays. */
    public void resolve(RemoteSync.Resolution resolution) {
        SyncItemViewModel item = selected.get();
        if (item == null || !item.isConflict() || remote().isEmpty()) {
            return;
        }
        RemoteSync sync = remote().get();
        UUID guid = item.entry().guid();
        syncing.set(true);
        executor.execute(() -> {
            sync.resolve(guid, resolution);
            return sync.sync(CONCURRENCY, (d, n) -> { }, () -> false);
        }, report -> {
            syncing.set(false);
            lastResult.set(messages.get("sync.resolved." + resolution.name().toLowerCase(java.util.Locale.ROOT), guid)
                    + " " + messages.get("sync.result", report.sent(), report.waiting() - report.conflicts(),
                    report.conflicts()));
            gateway.changed();
        }, e -> {
            syncing.set(false);
            dialogs.showError(messages.get("sync.title"), messages.describe(e));
            reload();
        });
    }

    /** Removes the jobs the orchestrator no longer has from the cache, after asking once. */
    public void clearGone() {
        Optional<RemoteSync> sync = remote();
        if (sync.isEmpty() || gone.get() == 0 || !dialogs.confirm(messages.get("sync.clearGone.title"),
                messages.get("sync.clearGone.header", gone.get()), messages.get("sync.clearGone.body"),
                messages.get("sync.clearGone.button"))) {
            return;
        }
        executor.execute(() -> sync.get().clearGone(), n -> {
            lastResult.set(messages.get("sync.clearGone.done", n));
            gateway.changed();
        }, e -> dialogs.showError(messages.get("sync.title"), messages.describe(e)));
    }

    /** Opens the Sync window (a notification's click, the status bar, the tool bar). */
    public void show() {
        reload();
        windows.open(WINDOW, this, () -> { });
    }

    /** Whether the target is an orchestrator's (the Sync button and column show only then). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty conflictsProperty() {
        return conflicts.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    /** "3 waiting to send to ORCH · 1 conflict", or empty when nothing waits. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** What the last replay or decision did. */
    public ReadOnlyStringProperty lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return syncing.getReadOnlyProperty();
    }

    /** Each job that is not in step with the orchestrator: pending, unverified, in conflict or gone. */
    public ObservableMap<UUID, JobSyncState> states() {
        return states;
    }

    public ObservableList<SyncItemViewModel> items() {
        return items;
    }

    public ObjectProperty<SyncItemViewModel> selectedProperty() {
        return selected;
    }

    public BooleanBinding canDecideProperty() {
        return canDecide;
    }

    public BooleanBinding canApplyMineProperty() {
        return canApplyMine;
    }
}
