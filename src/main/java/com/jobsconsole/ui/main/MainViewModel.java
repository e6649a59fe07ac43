package com.jobsconsole.ui.main;

import com.jobsconsole.ui.common.Undo;
import com.jobsconsole.ui.journal.JournalViewModel;
import com.jobsconsole.base.AppVersion;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.model.Job;
import com.jobsconsole.ui.attention.AttentionViewModel;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.ProgressTask;
import com.jobsconsole.ui.common.Scheduler;
import com.jobsconsole.ui.jobs.DirectoryViewModel;
import com.jobsconsole.ui.jobs.JobWindows;
import com.jobsconsole.ui.jobs.JobsBrowserViewModel;
import com.jobsconsole.ui.methods.CreateJobViewModel;
import com.jobsconsole.ui.methods.DeleteJobViewModel;
import com.jobsconsole.ui.methods.MethodViewModel;
import com.jobsconsole.ui.methods.ReadJobViewModel;
import com.jobsconsole.ui.methods.UpdateJobViewModel;
import com.jobsconsole.ui.overview.OverviewViewModel;
import com.jobsconsole.ui.reference.ReferenceTablesViewModel;
import com.jobsconsole.ui.sync.SyncViewModel;
import com.jobsconsole.ui.views.SavedViewsViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.util.Subscription;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The main window: holds its parts (the reference tables, the jobs browser, the four method tabs, the
 * target and the store files, made and connected by {@code app.MainWiring}) and keeps what is the
 * window's own: the open method tab, the job count, the language, the theme and its periodic work.
 */
public final class MainViewModel {

    private final DialogService dialogs;
    private final Messages messages;
    private final MainHost host;
    private final ReferenceTablesViewModel referenceTables;
    private final CreateJobViewModel create;
    private final ReadJobViewModel read;
    private final UpdateJobViewModel update;
    private final DeleteJobViewModel delete;
    private final JobsBrowserViewModel jobs;
    private final TargetViewModel target;
    private final StoreFilesViewModel stores;
    private final ProgressTask task;
    private final LayoutViewModel layout;
    private final ZoomViewModel zoom;
    private final SavedViewsViewModel views;
    private final LiveViewModel live;
    private final SyncViewModel sync;
    private final JobWindows jobWindows;
    private final DirectoryViewModel directory;
    private final AttentionViewModel attention;
    private final OverviewViewModel overview;
    private final PaletteViewModel palette;
    private final Undo undo;
    private final JournalViewModel journal;
    private final ObjectProperty<ApiMethod> selectedMethod = new SimpleObjectProperty<>(ApiMethod.CREATE);
    private final ReadOnlyStringWrapper jobCount = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper opening;
    private final ReadOnlyObjectWrapper<Locale> language;
    private final ReadOnlyBooleanWrapper dark;

    /** How often Live looks at the store (one {@code PRAGMA data_version} while nothing changes). */
    public static final Duration LIVE_PERIOD = Duration.ofMillis(500);
    /** How often the outbox's replay checks whether its time has come. */
    static final Duration SYNC_PERIOD = Duration.ofSeconds(1);
    private final Scheduler scheduler;
    private Subscription periodic = Subscription.EMPTY;

    /**
     * @param parts     the window's parts, made and connected by the application's wiring
     * @param scheduler runs the window's periodic work (Live, the replay) while the window shows
     */
    public MainViewModel(MainParts parts, DialogService dialogs, Messages messages, MainHost host, Scheduler scheduler) {
        this.scheduler = scheduler;
        this.dialogs = dialogs;
        this.messages = messages;
        this.host = host;
        this.language = new ReadOnlyObjectWrapper<>(messages.locale());
        this.dark = new ReadOnlyBooleanWrapper(host.isDarkTheme());
        this.task = parts.task();
        this.opening = parts.opening();
        this.layout = parts.layout();
        this.zoom = parts.zoom();
        this.views = parts.views();
        this.referenceTables = parts.referenceTables();
        this.create = parts.create();
        this.read = parts.read();
        this.update = parts.update();
        this.delete = parts.delete();
        this.jobs = parts.jobs();
        this.target = parts.target();
        this.stores = parts.stores();
        this.live = parts.live();
        this.sync = parts.sync();
        this.jobWindows = parts.jobWindows();
        this.directory = parts.directory();
        this.attention = parts.attention();
        this.overview = parts.overview();
        this.palette = parts.palette();
        this.undo = parts.undo();
        this.journal = parts.journal();
        // the window's own relations: a clone (in the browser or a job window) opens the Create tab;
        // the status bar counts the store's jobs
        Consumer<Job> cloneIntoCreate = job -> {
            create.fillFrom(job);
            selectedMethod.set(ApiMethod.CREATE);
            layout.showMethods();
        };
        jobs.setOnClone(cloneIntoCreate);
        jobWindows.setOnClone(cloneIntoCreate);
        jobCount.bind(Bindings.createStringBinding(
                () -> messages.get("status.jobCount", referenceTables.totalProperty().get()),
                referenceTables.totalProperty()));
        live.notificationsProperty().set(host.notifications());
        live.notificationsProperty().addListener((o, a, on) -> host.saveNotifications(on));
        attention.notificationsProperty().set(host.stuckNotifications());
        attention.notificationsProperty().addListener((o, a, on) -> host.saveStuckNotifications(on));
        // the status and type counts are kept by the store (a few thousand rows, whatever its size):
        // read with the first page rather than after it
        referenceTables.refresh();
    }

    /** The outbox of a remote target: waiting writes, conflicts, replay. */
    public SyncViewModel sync() {
        return sync;
    }

    /**
     * The window is rebuilt (another language): what the user typed into the method forms, and the
     * open tab, go into the new window's forms.
     */
    public void carryFormsInto(MainViewModel next) {
        copy(create.guidProperty(), next.create.guidProperty());
        copy(create.typeProperty(), next.create.typeProperty());
        copy(create.statusProperty(), next.create.statusProperty());
        copy(create.sourceProperty(), next.create.sourceProperty());
        copy(create.processVersionProperty(), next.create.processVersionProperty());
        copy(create.robotProperty(), next.create.robotProperty());
        copy(create.accountProperty(), next.create.accountProperty());
        copy(create.scheduleProperty(), next.create.scheduleProperty());
        copy(create.taskProperty(), next.create.taskProperty());
        copy(create.stopAfterDateProperty(), next.create.stopAfterDateProperty());
        copy(create.stopAfterTimeProperty(), next.create.stopAfterTimeProperty());
        copy(create.abortAfterDateProperty(), next.create.abortAfterDateProperty());
        copy(create.abortAfterTimeProperty(), next.create.abortAfterTimeProperty());
        copy(read.guidProperty(), next.read.guidProperty());
        copy(update.guidProperty(), next.update.guidProperty());
        copy(update.statusProperty(), next.update.statusProperty());
        copy(delete.guidProperty(), next.delete.guidProperty());
        copy(selectedMethod, next.selectedMethod);
        // the browser's filter and sort too (not the new window's default view)
        next.jobs.filter().show(jobs.filter().snapshot(), next.jobs.statuses(), next.jobs.types());
    }

    private static <T> void copy(Property<T> from, Property<T> to) {
        to.setValue(from.getValue());
    }

    /**
     * Loads the first counts; called once the window is up (the app calls it when the first page of
     * jobs is on screen, so the counting scans do not compete with the window's first layout).
     */
    public void start() {
        referenceTables.refresh();
        jobs.releaseCounts();
        attention.changed();
    }

    /**
     * The window shows (or no longer does): twice a second Live looks at the store, once a second the
     * outbox's replay checks whether its time has come — only while the window shows.
     */
    public void setShowing(boolean showing) {
        periodic.unsubscribe();
        periodic = showing ? scheduler.every(LIVE_PERIOD, live::poll).and(scheduler.every(SYNC_PERIOD, sync::poll))
                .and(scheduler.every(SYNC_PERIOD, attention::tick)) : Subscription.EMPTY;
    }

    /** Help → Keyboard shortcuts: every action's shortcut, from the action registry ({@code lines}). */
    public void showShortcuts(String lines) {
        dialogs.showInfo(messages.get("shortcuts.title"), messages.get("shortcuts.header"), lines);
    }

    /** Help → About: the version, the Java and JavaFX it runs on, its folders and its licence. */
    public void about() {
        dialogs.showInfo(messages.get("about.title"), messages.get("app.name") + " " + AppVersion.version(),
                messages.get("about.text", target.storePathProperty().get(), AppVersion.version(),
                        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                        System.getProperty("javafx.runtime.version", "—"), host.dataFolder(),
                        host.settingsFolder()));
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

    /** The open method tab, by its method. */
    public ObjectProperty<ApiMethod> selectedMethodProperty() {
        return selectedMethod;
    }

    /** The browser's "Create" button: opens the Create tab. */
    public void openCreateTab() {
        selectedMethod.set(ApiMethod.CREATE);
        layout.showMethods();
    }

    public JobsBrowserViewModel jobs() {
        return jobs;
    }

    /**
     * What {@code --profile NAME}, {@code --open GUID} or a link asks for (issue 23), at start or handed over by a
     * second start: the profile
     * or the store first when it is not the one open (a name no profile has is said, and the job is looked for
     * where the window is), then the job's window.
     */
    public void open(String profile, Path store, UUID job) {
        Optional<TargetViewModel.TargetChoice> choice = profile == null ? Optional.empty() : target.targets().stream()
                .filter(t -> !t.isLocal() && t.profile().name().equals(profile)).findFirst();
        if (profile != null && choice.isEmpty()) {
            dialogs.showError(messages.get("startup.profile.title"), messages.get("startup.profile.unknown", profile));
        }
        boolean otherStore = store != null && (target.remoteProperty().get()
                || !store.toAbsolutePath().normalize().toString().equals(target.storePathProperty().get()));
        boolean otherProfile = choice.isPresent() && !choice.get().equals(target.selectedTargetProperty().get());
        if (!otherStore && !otherProfile) {
            if (job != null) {
                jobWindows.open(job);
            }
            return;
        }
        if (job != null) { // once the profile or store is open (or could not be), the job's window
            Subscription[] once = new Subscription[1];
            once[0] = opening.subscribe((was, now) -> {
                if (was && !now) {
                    once[0].unsubscribe();
                    jobWindows.open(job);
                }
            });
        }
        if (otherProfile) {
            target.selectedTargetProperty().set(choice.get());
        } else {
            stores.open(store);
        }
    }

    /** View → Directory…: the names of robots, process versions and accounts. */
    public DirectoryViewModel directory() {
        return directory;
    }

    /** Edit → Undo and Redo. */
    public Undo undo() {
        return undo;
    }

    /** Edit → Journal…. */
    public JournalViewModel journal() {
        return journal;
    }

    /** The command palette (Ctrl+K). */
    public PaletteViewModel palette() {
        return palette;
    }

    /** View → Overview. */
    public OverviewViewModel overview() {
        return overview;
    }

    /** View → Needs attention, and the count of stuck jobs. */
    public AttentionViewModel attention() {
        return attention;
    }

    /** The open job windows (double-click, Enter or Open on a job; {@code --open GUID}). */
    public JobWindows jobWindows() {
        return jobWindows;
    }

    /** The target chooser, the title and status bar, and Refresh. */
    public TargetViewModel target() {
        return target;
    }

    /** New, Open and Recent stores; demo data. */
    public StoreFilesViewModel stores() {
        return stores;
    }

    /** Following changes made elsewhere. */
    public LiveViewModel live() {
        return live;
    }

    /** How the window's sections share its height. */
    public LayoutViewModel layout() {
        return layout;
    }

    /** The interface's text size (View → Zoom). */
    public ZoomViewModel zoom() {
        return zoom;
    }

    /** The Views menu: saved views of the store or profile. */
    public SavedViewsViewModel views() {
        return views;
    }

    /** The status bar's long work (a refresh or demo data), with progress and Cancel. */
    public ProgressTask task() {
        return task;
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

    public ReadOnlyStringProperty jobCountProperty() {
        return jobCount.getReadOnlyProperty();
    }

    /** Set while a store or a remote target opens. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Locale> languageProperty() {
        return language.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty darkThemeProperty() {
        return dark.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
