package com.jobsconsole.ui.main;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.methods.CreateJobViewModel;
import com.jobsconsole.ui.methods.DeleteJobViewModel;
import com.jobsconsole.ui.methods.MethodViewModel;
import com.jobsconsole.ui.methods.ReadJobViewModel;
import com.jobsconsole.ui.methods.UpdateJobViewModel;
import com.jobsconsole.ui.reference.ReferenceTablesViewModel;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.profiles.ConnectionProfile;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The main window: which store is open (title, status bar, recent stores), the language and
 * theme, and the view-models of the reference tables and the four method tabs.
 */
public final class MainViewModel {

    /** What the main window needs from the application around it. */
    public interface Host {
        /** Opens a store file; throws a gateway exception saying why it cannot. Runs off the FX thread. */
        JobGateway openStore(Path file);

        List<String> recentStores();

        /** Remembers the store just opened and returns the new recent list. */
        List<String> rememberStore(Path file);

        void changeLanguage(Locale locale);

        void changeTheme(boolean dark);

        boolean isDarkTheme();

        /** Opens a remote profile (its cache and client); throws a gateway exception saying why not. Off the FX thread. */
        JobGateway openRemote(ConnectionProfile profile);

        List<ConnectionProfile> profiles();

        /** Shows the profiles dialog; {@code onClosed} runs when it closes. */
        void showProfiles(Runnable onClosed);

        /** The local store to go back to from a remote profile. */
        Path lastLocalStore();

        /** The jobs browser's column layout as last saved ("id:width:visible", in order), or empty. */
        default List<String> browserColumns() {
            return List.of();
        }

        default void saveBrowserColumns(List<String> layout) {
            // nothing is remembered unless the application keeps settings
        }
    }

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

    private final ActiveGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final Host host;
    private final ReferenceTablesViewModel referenceTables;
    private final CreateJobViewModel create;
    private final ReadJobViewModel read;
    private final UpdateJobViewModel update;
    private final DeleteJobViewModel delete;
    private final com.jobsconsole.ui.jobs.JobsBrowserViewModel jobs;
    private final javafx.beans.property.IntegerProperty selectedTab = new javafx.beans.property.SimpleIntegerProperty();

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper storePath = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper jobCount = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Locale> language;
    private final ReadOnlyBooleanWrapper dark;
    private final ObservableList<String> recentStores = FXCollections.observableArrayList();
    private final ObservableList<TargetChoice> targets = FXCollections.observableArrayList();
    private final ObjectProperty<TargetChoice> selectedTarget = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper targetStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper remote = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper refreshProgress = new ReadOnlyDoubleWrapper();
    private final java.util.concurrent.atomic.AtomicBoolean refreshCancelled = new java.util.concurrent.atomic.AtomicBoolean();
    private boolean switchingTarget;

    public MainViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor,
                         DialogService dialogs, Messages messages, Host host, Clock clock) {
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.host = host;
        this.language = new ReadOnlyObjectWrapper<>(messages.locale());
        this.dark = new ReadOnlyBooleanWrapper(host.isDarkTheme());
        referenceTables = new ReferenceTablesViewModel(reference, gateway, executor, dialogs, messages);
        create = new CreateJobViewModel(reference, gateway, executor, dialogs, messages, clock);
        read = new ReadJobViewModel(gateway, executor, dialogs, messages);
        update = new UpdateJobViewModel(reference, gateway, executor, dialogs, messages);
        delete = new DeleteJobViewModel(reference, gateway, executor, dialogs, messages);
        jobs = new com.jobsconsole.ui.jobs.JobsBrowserViewModel(reference, gateway, executor, dialogs, messages);
        jobs.setOnSelected(job -> {
            // Selecting a job in the browser fills its GUID into the Read, Update and Delete tabs.
            for (var vm : List.of(read, update, delete)) {
                vm.guidProperty().set(job.guid().toString());
            }
        });
        jobs.setOnClone(job -> {
            create.fillFrom(job);
            selectedTab.set(0);
        });
        referenceTables.setOnStatusPicked(jobs::filterToStatus);
        referenceTables.setOnTypePicked(jobs::filterToType);
        create.setOnCreated(job -> {
            // The job just made is the one a user most likely wants to read, update or delete next.
            String g = job.guid().toString();
            for (var vm : List.of(read, update, delete)) {
                if (vm.guidProperty().get() == null || vm.guidProperty().get().isBlank()) {
                    vm.guidProperty().set(g);
                }
            }
        });
        jobCount.bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> messages.get("status.jobCount", referenceTables.totalProperty().get()),
                referenceTables.totalProperty()));
        recentStores.setAll(host.recentStores());
        gateway.onChange(referenceTables::refresh);
        gateway.onSwitch(g -> showTarget());
        gateway.onActivity(this::showTargetStatus);
        loadTargets();
        selectedTarget.addListener((o, was, now) -> {
            if (!switchingTarget && now != null && was != null && !now.equals(was)) {
                switchTo(now, was);
            }
        });
        showTarget();
    }

    private void loadTargets() {
        switchingTarget = true;
        try {
            TargetChoice keep = selectedTarget.get();
            targets.setAll(new TargetChoice(messages.get("target.local"), null));
            host.profiles().forEach(p -> targets.add(new TargetChoice(p.name(), p)));
            TargetChoice current = targets.get(0);
            if (gateway.get() instanceof RemoteJobGateway && keep != null && !keep.isLocal()) {
                current = targets.stream().filter(t -> !t.isLocal() && t.profile().name().equals(keep.profile().name()))
                        .findFirst().orElse(keep);
            }
            selectedTarget.set(current);
        } finally {
            switchingTarget = false;
        }
    }

    /** Switches the window to a remote profile or back to the local store, off the FX thread. */
    private void switchTo(TargetChoice target, TargetChoice previous) {
        opening.set(true);
        executor.execute(() -> target.isLocal() ? host.openStore(host.lastLocalStore()) : host.openRemote(target.profile()),
                g -> {
                    opening.set(false);
                    gateway.switchTo(g);
                    dialogs.notify(messages.get("target.switched", target.label()));
                }, e -> {
                    opening.set(false);
                    switchingTarget = true;
                    selectedTarget.set(previous);
                    switchingTarget = false;
                    dialogs.showError(messages.get("target.failed", target.label()), messages.describe(e));
                });
    }

    /** Toolbar → Profiles…: edit the profiles, then show the new list. */
    public void manageProfiles() {
        host.showProfiles(this::loadTargets);
    }

    /**
     * Refresh: on the local store, re-reads the counts; on a remote profile, re-reads every cached
     * job from the orchestrator (4 at a time) with progress, and can be cancelled.
     */
    public void refresh() {
        if (!(gateway.get() instanceof RemoteJobGateway rg)) {
            referenceTables.refresh();
            return;
        }
        if (refreshing.get()) {
            return;
        }
        refreshing.set(true);
        refreshProgress.set(0);
        refreshCancelled.set(false);
        executor.execute(() -> rg.refresh(4, (done, total) -> executor.onCallbackThread(
                () -> refreshProgress.set(total == 0 ? 1 : (double) done / total)), refreshCancelled::get), report -> {
            refreshing.set(false);
            gateway.changed();
            String summary = messages.get(report.cancelled() ? "refresh.cancelled" : "refresh.done",
                    report.refreshed(), report.total(), report.gone(), report.failed().size());
            if (report.failed().isEmpty()) {
                dialogs.notify(summary);
            } else {
                String firstFailures = report.failed().entrySet().stream().limit(5)
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(java.util.stream.Collectors.joining("\n"));
                dialogs.showError(messages.get("refresh.failedTitle"), summary + "\n\n" + firstFailures);
            }
        }, e -> {
            refreshing.set(false);
            dialogs.showError(messages.get("refresh.failedTitle"), messages.describe(e));
        });
    }

    /**
     * File → Fill with demo data…: asks how many, then adds that many realistic jobs to the local
     * store in one transaction, with progress and Cancel (a cancelled fill writes nothing).
     */
    public void seedDemo() {
        if (!(gateway.get() instanceof com.jobsconsole.gateway.sqlite.SqliteJobGateway store) || refreshing.get()) {
            dialogs.showError(messages.get("seed.title"), messages.get("seed.localOnly"));
            return;
        }
        long[] sizes = {1_000, 100_000, 1_000_000};
        var choice = dialogs.choose(messages.get("seed.title"), messages.get("seed.header"), messages.get("seed.body"),
                List.of(messages.get("seed.option", sizes[0]), messages.get("seed.option", sizes[1]),
                        messages.get("seed.option", sizes[2])));
        if (choice.isEmpty()) {
            return;
        }
        long count = sizes[choice.get()];
        refreshing.set(true);
        refreshProgress.set(0);
        refreshCancelled.set(false);
        executor.execute(() -> store.insertAll(new com.jobsconsole.demo.DemoJobs(store.reference(), count,
                        System.nanoTime(), java.time.LocalDateTime.now()), count,
                done -> executor.onCallbackThread(() -> refreshProgress.set((double) done / count)),
                refreshCancelled::get), n -> {
                    refreshing.set(false);
                    gateway.changed();
                    dialogs.notify(messages.get("seed.done", n));
                }, e -> {
                    refreshing.set(false);
                    dialogs.showError(messages.get("seed.title"), messages.describe(e));
                });
    }

    public void cancelRefresh() {
        refreshCancelled.set(true);
    }

    private void showTargetStatus() {
        JobGateway g = gateway.get();
        if (g instanceof RemoteJobGateway rg) {
            remote.set(true);
            String state = switch (rg.reachability()) {
                case UNKNOWN -> messages.get("target.state.unknown");
                case ANSWERED -> messages.get("target.state.answered");
                case NO_ANSWER -> messages.get("target.state.noAnswer");
            };
            targetStatus.set(messages.get("target.status.remote", rg.target(), state));
        } else {
            remote.set(false);
            targetStatus.set(messages.get("target.status.local"));
        }
    }

    /** Loads the first counts; called once the window is up. */
    public void start() {
        referenceTables.refresh();
    }

    private void showTarget() {
        showTargetStatus();
        if (!(gateway.get() instanceof RemoteJobGateway) && selectedTarget.get() != null && !selectedTarget.get().isLocal()) {
            switchingTarget = true;
            selectedTarget.set(targets.get(0));
            switchingTarget = false;
        }
        String target = gateway.get().target();
        storePath.set(target);
        String name;
        if (gateway.get() instanceof RemoteJobGateway) {
            name = selectedTarget.get() == null ? target : selectedTarget.get().label();
        } else {
            Path file = Path.of(target).getFileName();
            name = file == null ? target : file.toString();
        }
        title.set(messages.get("app.title.store", name, target));
    }

    /** File → New store…: asks for a file; an existing file is opened, never overwritten. */
    public void newStore() {
        dialogs.chooseNewStore(currentDir()).ifPresent(file -> {
            if (Files.exists(file)) {
                dialogs.notify(messages.get("store.new.exists", file.toString()));
            }
            open(file);
        });
    }

    /** File → Open store…. */
    public void openStore() {
        dialogs.chooseExistingStore(currentDir()).ifPresent(this::open);
    }

    /** File → Recent stores → one of them. */
    public void openRecent(String path) {
        open(Path.of(path));
    }

    /** Opens a store off the FX thread and makes it the active one; on failure the old store stays. */
    public void open(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (target.toString().equals(gateway.get().target())) {
            dialogs.notify(messages.get("store.alreadyOpen", target.toString()));
            return;
        }
        opening.set(true);
        executor.execute(() -> host.openStore(target), g -> {
            opening.set(false);
            gateway.switchTo(g);
            recentStores.setAll(host.rememberStore(target));
            dialogs.notify(messages.get("store.opened", target.toString()));
        }, e -> {
            opening.set(false);
            dialogs.showError(messages.get("store.openFailed.title"), messages.describe(e));
        });
    }

    private Path currentDir() {
        Path store = gateway.get() instanceof RemoteJobGateway ? host.lastLocalStore() : Path.of(gateway.get().target());
        Path p = store == null ? null : store.toAbsolutePath().getParent();
        return p != null && Files.isDirectory(p) ? p : null;
    }

    /** Help → About. */
    public void about() {
        dialogs.showInfo(messages.get("about.title"), messages.get("app.name"),
                messages.get("about.text", storePath.get()));
    }

    public void setLanguage(Locale locale) {
        if (!locale.getLanguage().equals(language.get().getLanguage())) {
            language.set(locale);
            host.changeLanguage(locale);
        }
    }

    public void setDarkTheme(boolean value) {
        if (value != dark.get()) {
            dark.set(value);
            host.changeTheme(value);
        }
    }

    /** The method view-models in tab order. */
    public List<MethodViewModel> methods() {
        return List.of(create, read, update, delete);
    }

    public com.jobsconsole.ui.jobs.JobsBrowserViewModel jobs() {
        return jobs;
    }

    /** The open method tab (0 create, 1 read, 2 update, 3 delete). */
    public javafx.beans.property.IntegerProperty selectedTabProperty() {
        return selectedTab;
    }

    public List<String> browserColumns() {
        return host.browserColumns();
    }

    public void saveBrowserColumns(List<String> layout) {
        host.saveBrowserColumns(layout);
    }

    /** The browser's "Create" button: opens the Create tab. */
    public void openCreateTab() {
        selectedTab.set(0);
    }

    public ReferenceTablesViewModel referenceTables() {
        return referenceTables;
    }

    public CreateJobViewModel create() {
        return create;
    }

    public ReadJobViewModel read() {
        return read;
    }

    public UpdateJobViewModel update() {
        return update;
    }

    public DeleteJobViewModel delete() {
        return delete;
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

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty refreshProgressProperty() {
        return refreshProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty storePathProperty() {
        return storePath.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty jobCountProperty() {
        return jobCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Locale> languageProperty() {
        return language.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty darkThemeProperty() {
        return dark.getReadOnlyProperty();
    }

    public ObservableList<String> recentStores() {
        return FXCollections.unmodifiableObservableList(recentStores);
    }

    public Messages messages() {
        return messages;
    }
}
