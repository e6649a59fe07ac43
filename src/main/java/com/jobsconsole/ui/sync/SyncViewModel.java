package com.jobsconsole.ui.sync;

import com.jobsconsole.base.NoAnswerPolicy;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync.JobSyncState;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.ResolutionPreview;
import com.jobsconsole.ui.common.DialogService.PlannedChange;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.WindowKind;
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
import java.util.Locale;
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

    private final UiServices ui;
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

    /** The Sync window: the waiting writes and conflicts, decided there. */
    public static final WindowKind<SyncViewModel> WINDOW = new WindowKind<>("sync", "sync.title", false, 0, 0);
    private boolean reloading;
    private boolean reloadAgain;
    /** When the window replays by itself: every few seconds, less often while there is no answer. */
    private NoAnswerPolicy retry;

    public SyncViewModel(UiServices ui, Supplier<String> targetName, LongSupplier nanoTime) {
        this.ui = ui;
        this.targetName = targetName;
        this.nanoTime = nanoTime;
        canDecide = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().isConflict()
                && !syncing.get(), selected, syncing);
        canApplyMine = Bindings.createBooleanBinding(() -> canDecide.get() && selected.get().entry().canApplyMine(),
                canDecide, selected);
        ui.gateway().onSwitch(g -> {
            retry = newRetry();
            reload();
        });
        ui.gateway().onChange(this::reload);
        retry = newRetry();
        reload();
    }

    private NoAnswerPolicy newRetry() {
        return NoAnswerPolicy.periodic(nanoTime, Duration.ofSeconds(FIRST_WAIT_SECONDS), Duration.ofSeconds(MAX_WAIT_SECONDS));
    }

    private Optional<RemoteSync> remote() {
        return ui.gateway().capability(RemoteSync.class);
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
        JobGateway g = ui.gateway().get();
        ui.executor().execute(() -> new Snapshot(sync.get().outbox(), sync.get().syncStates()), snapshot -> {
            reloading = false;
            if (g == ui.gateway().get()) {
                show(snapshot);
            }
            if (reloadAgain) {
                reloadAgain = false;
                reload();
            }
        }, e -> {
            reloading = false;
            lastResult.set(ui.messages().describe(e));
        });
    }

    private void show(Snapshot s) {
        UUID chosen = selected.get() == null ? null : selected.get().entry().guid();
        items.setAll(s.entries().stream().map(e -> new SyncItemViewModel(e, ui.reference(), ui.messages())).toList());
        selected.set(items.stream().filter(i -> i.entry().guid().equals(chosen)).findFirst().orElse(null));
        states.keySet().retainAll(s.states().keySet());
        states.putAll(s.states());
        int inConflict = (int) s.entries().stream().filter(e -> e.state() == OutboxEntry.State.CONFLICT).count();
        waiting.set(s.entries().size() - inConflict);
        conflicts.set(inConflict);
        gone.set((int) s.states().values().stream().filter(v -> v == JobSyncState.GONE).count());
        String text = "";
        if (waiting.get() > 0) {
            text = ui.messages().get("sync.status.waiting", waiting.get(), targetName.get());
        }
        if (conflicts.get() > 0) {
            text = (text.isEmpty() ? "" : text + " \u00b7 ") + ui.messages().get("sync.status.conflicts", conflicts.get());
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
        JobGateway g = ui.gateway().get();
        syncing.set(true);
        ui.executor().execute(() -> sync.sync(CONCURRENCY, (d, n) -> { }, () -> g != ui.gateway().get()), report -> {
            syncing.set(false);
            boolean answered = !report.noAnswer() || report.sent() > 0;
            if (answered) {
                retry.answered();
            } else {
                retry.noAnswer();
            }
            String result = ui.messages().get("sync.result", report.sent(), report.waiting() - report.conflicts(),
                    report.conflicts());
            if (report.problem() != null && report.waiting() > report.conflicts()) {
                result += " " + ui.messages().get("sync.result.noAnswer", ui.messages().describe(report.problem()),
                        retry.secondsToWait());
            }
            lastResult.set(result);
            if (report.sent() > 0) {
                ui.dialogs().notify(ui.messages().get("sync.notify.sent", report.sent(), targetName.get()));
            }
            if (report.newConflicts() > 0) {
                ui.dialogs().notifyProblem(ui.messages().get("sync.notify.conflictTitle"),
                        ui.messages().get("sync.notify.conflicts", report.newConflicts()), this::show);
            } else if (asked && report.sent() == 0 && report.problem() != null) {
                ui.dialogs().notify(result);
            }
            if (g == ui.gateway().get()) {
                ui.gateway().changed();
            }
        }, e -> {
            syncing.set(false);
            retry.noAnswer();
            lastResult.set(ui.messages().describe(e));
        });
    }

    private String status(Integer code) {
        return code == null ? "\u2014" : ui.messages().label(ui.reference(), code);
    }

    /** Apply mine, keep theirs or discard, for the selected conflict, after its preview; then replays. */
    public void resolve(RemoteSync.Resolution resolution) {
        SyncItemViewModel item = selected.get();
        if (item == null || !item.isConflict() || remote().isEmpty()) {
            return;
        }
        RemoteSync sync = remote().get();
        UUID guid = item.entry().guid();
        // the decision's preview: what it changes, from → to, and what of the console's it drops
        ResolutionPreview p = ResolutionPreview.of(items.stream().map(SyncItemViewModel::entry)
                .filter(e -> e.guid().equals(guid)).toList(), resolution);
        String key = resolution.name().toLowerCase(Locale.ROOT);
        if (!ui.dialogs().confirmChanges(ui.messages().get("sync.preview.title"),
                ui.messages().get("sync.preview.header." + key, guid),
                p.dropped() > 0 ? ui.messages().get("sync.preview.dropped", p.dropped()) : "",
                List.of(new PlannedChange(guid.toString(), status(p.from()), status(p.to()),
                        ui.messages().get("sync.preview.where." + key))),
                ui.messages().get("sync.preview.button"))) {
            return;
        }
        syncing.set(true);
        ui.executor().execute(() -> {
            sync.resolve(guid, resolution);
            return sync.sync(CONCURRENCY, (d, n) -> { }, () -> false);
        }, report -> {
            syncing.set(false);
            lastResult.set(ui.messages().get("sync.resolved." + resolution.name().toLowerCase(Locale.ROOT), guid)
                    + " " + ui.messages().get("sync.result", report.sent(), report.waiting() - report.conflicts(),
                    report.conflicts()));
            ui.gateway().changed();
        }, e -> {
            syncing.set(false);
            ui.dialogs().showError(ui.messages().get("sync.title"), ui.messages().describe(e));
            reload();
        });
    }

    /** Removes the jobs the orchestrator no longer has from the cache, after asking once. */
    public void clearGone() {
        Optional<RemoteSync> sync = remote();
        if (sync.isEmpty() || gone.get() == 0 || !ui.dialogs().confirm(ui.messages().get("sync.clearGone.title"),
                ui.messages().get("sync.clearGone.header", gone.get()), ui.messages().get("sync.clearGone.body"),
                ui.messages().get("sync.clearGone.button"))) {
            return;
        }
        ui.executor().execute(() -> sync.get().clearGone(), n -> {
            lastResult.set(ui.messages().get("sync.clearGone.done", n));
            ui.gateway().changed();
        }, e -> ui.dialogs().showError(ui.messages().get("sync.title"), ui.messages().describe(e)));
    }

    /** Opens the Sync window (a notification's click, the status bar, the tool bar). */
    public void show() {
        reload();
        ui.windows().open(WINDOW, this, () -> { });
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
