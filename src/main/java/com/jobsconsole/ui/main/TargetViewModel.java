package com.jobsconsole.ui.main;

import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.TargetMarks;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.ui.common.ProgressTask;
import com.jobsconsole.ui.common.UiServices;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which target the window works on: the chooser of the local store and the connection profiles,
 * switching between them off the FX thread, the title and status bar that name the target and say
 * whether it answered, and Refresh (the counts on a store; every kept job again on a remote target).
 */
public final class TargetViewModel {

    /** How many jobs a refresh reads from an orchestrator at once. */
    static final int REFRESH_CONCURRENCY = 4;

    /** An entry of the target chooser: the local store (no profile) or a remote profile. */
    public record TargetChoice(String label, ConnectionProfile profile) {
        public boolean isLocal() {
            return profile == null;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final UiServices ui;
    private final MainHost host;
    private final ReadOnlyBooleanWrapper opening;
    private final ProgressTask task;
    private final Runnable refreshCounts;

    private final ObservableList<TargetChoice> targets = FXCollections.observableArrayList();
    private final ObjectProperty<TargetChoice> selectedTarget = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper targetStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper band = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bandColour = new ReadOnlyStringWrapper("");
    /** The band of a read-only target that is not production. */
    private static final String READ_ONLY_COLOUR = "#455a64";
    private final ReadOnlyBooleanWrapper remote = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper storePath = new ReadOnlyStringWrapper();
    private boolean switchingTarget;

    /**
     * @param opening       set while a target opens (shared with the store files)
     * @param task          the status bar's progress (shared with demo data)
     * @param refreshCounts re-reads the reference tables' counts (Refresh on a store)
     */
    public TargetViewModel(UiServices ui, MainHost host, ReadOnlyBooleanWrapper opening, ProgressTask task, Runnable refreshCounts) {
        this.ui = ui;
        this.host = host;
        this.opening = opening;
        this.task = task;
        this.refreshCounts = refreshCounts;
        ui.gateway().onSwitch(g -> showTarget());
        ui.gateway().onActivity(this::showTargetStatus);
        loadTargets();
        selectedTarget.addListener((o, was, now) -> {
            if (!switchingTarget && now != null && was != null && !now.equals(was)) {
                switchTo(now, was);
            }
        });
        showTarget();
    }

    private Optional<RemoteSync> remoteSync() {
        return ui.gateway().capability(RemoteSync.class);
    }

    private void select(TargetChoice choice) {
        switchingTarget = true;
        try {
            // through null: after the list was refilled, a choice equal to the old one must still reach the chooser
            selectedTarget.set(null);
            selectedTarget.set(choice);
        } finally {
            switchingTarget = false;
        }
    }

    private void loadTargets() {
        TargetChoice keep = selectedTarget.get();
        switchingTarget = true;
        try {
            targets.setAll(new TargetChoice(ui.messages().get("target.local"), null));
            host.profiles().forEach(p -> targets.add(new TargetChoice(p.name(), p)));
        } finally {
            switchingTarget = false;
        }
        TargetChoice current = targets.get(0);
        if (remoteSync().isPresent() && keep != null && !keep.isLocal()) {
            current = targets.stream().filter(t -> !t.isLocal() && t.profile().name().equals(keep.profile().name()))
                    .findFirst().orElse(keep);
        }
        select(current);
    }

    /** Switches the window to a remote profile or back to the local store, off the FX thread. */
    private void switchTo(TargetChoice target, TargetChoice previous) {
        opening.set(true);
        ui.executor().execute(() -> target.isLocal() ? host.openStore(host.lastLocalStore()) : host.openRemote(target.profile()),
                g -> {
                    opening.set(false);
                    ui.gateway().switchTo(g);
                    ui.dialogs().notify(ui.messages().get("target.switched", target.label()));
                }, e -> {
                    opening.set(false);
                    select(previous);
                    ui.dialogs().showError(ui.messages().get("target.failed", target.label()), ui.messages().describe(e));
                });
    }

    /** Toolbar → Profiles…: edit the profiles, then show the new list. */
    public void manageProfiles() {
        host.showProfiles(this::loadTargets);
    }

    /**
     * Refresh: on a store, re-reads the counts; on a remote target, re-reads every kept job from
     * the orchestrator ({@value #REFRESH_CONCURRENCY} at a time) with progress, and can be cancelled.
     */
    public void refresh() {
        Optional<RemoteSync> sync = remoteSync();
        if (sync.isEmpty()) {
            refreshCounts.run();
            return;
        }
        if (!task.start()) {
            return;
        }
        ui.executor().execute(() -> sync.get().refresh(REFRESH_CONCURRENCY, task::report, task::isCancelled), report -> {
            task.finish();
            ui.gateway().changed();
            String summary = ui.messages().get(report.cancelled() ? "refresh.cancelled" : "refresh.done",
                    report.refreshed(), report.total(), report.gone(), report.failed().size())
                    + (report.skipped() > 0 ? " " + ui.messages().get("refresh.breaker", RemoteSync.NO_ANSWER_LIMIT,
                    report.skipped()) : "");
            if (report.failed().isEmpty()) {
                ui.dialogs().notify(summary);
            } else {
                String firstFailures = report.failed().entrySet().stream().limit(5)
                        .map(e -> e.getKey() + ": " + ui.messages().describe(e.getValue())).collect(Collectors.joining("\n"));
                ui.dialogs().showError(ui.messages().get("refresh.failedTitle"), summary + "\n\n" + firstFailures);
            }
        }, e -> {
            task.finish();
            ui.dialogs().showError(ui.messages().get("refresh.failedTitle"), ui.messages().describe(e));
        });
    }

    private void showTargetStatus() {
        Optional<RemoteSync> sync = remoteSync();
        remote.set(sync.isPresent());
        if (sync.isPresent()) {
            String state = switch (sync.get().reachability()) {
                case UNKNOWN -> ui.messages().get("target.state.unknown");
                case ANSWERED -> ui.messages().get("target.state.answered");
                case NO_ANSWER -> ui.messages().get("target.state.noAnswer");
            };
            targetStatus.set(ui.messages().get("target.status.remote", ui.gateway().get().target(), state));
        } else {
            targetStatus.set(ui.messages().get("target.status.local"));
        }
    }

    private void showTarget() {
        showTargetStatus();
        // what the user said of the target: a production band in its colour, read-only said
        Optional<TargetMarks> marks = ui.gateway().capability(TargetMarks.class);
        band.set(marks.map(m -> ui.messages().get(m.production() && m.readOnly() ? "band.both"
                : m.production() ? "band.production" : "band.readOnly", m.name())).orElse(""));
        bandColour.set(marks.map(m -> m.production() ? m.colour() : READ_ONLY_COLOUR).orElse(""));
        boolean isRemote = remote.get();
        if (!isRemote && selectedTarget.get() != null && !selectedTarget.get().isLocal()) {
            select(targets.get(0));
        }
        String target = ui.gateway().get().target();
        storePath.set(target);
        String name;
        if (isRemote) {
            name = selectedTarget.get() == null ? target : selectedTarget.get().label();
        } else {
            Path file = Path.of(target).getFileName();
            name = file == null ? target : file.toString();
        }
        title.set(ui.messages().get("app.title.store", name, target));
    }

    /** The connection profile the window works on; empty on the local store. */
    public Optional<ConnectionProfile> chosenProfile() {
        TargetChoice chosen = selectedTarget.get();
        return chosen == null || chosen.isLocal() ? Optional.empty() : Optional.of(chosen.profile());
    }

    /** The band across the window for a production or read-only target ("PRODUCTION — Plant 2"); empty for none. */
    public ReadOnlyStringProperty bandProperty() {
        return band.getReadOnlyProperty();
    }

    /** The band's colour, {@code #rrggbb} (empty: no band). */
    public ReadOnlyStringProperty bandColourProperty() {
        return bandColour.getReadOnlyProperty();
    }

    public ObservableList<TargetChoice> targets() {
        return targets;
    }

    public ObjectProperty<TargetChoice> selectedTargetProperty() {
        return selectedTarget;
    }

    public ReadOnlyStringProperty targetStatusProperty() {
        return targetStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty remoteProperty() {
        return remote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What the window works on: the store file or the orchestrator's URL. */
    public ReadOnlyStringProperty storePathProperty() {
        return storePath.getReadOnlyProperty();
    }
}
