package com.jobsconsole.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.jobsconsole.base.AppDirs;
import com.jobsconsole.base.DaemonThreads;
import com.jobsconsole.base.Settings;
import com.jobsconsole.base.StartupTrace;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.StoreMarks;
import com.jobsconsole.gateway.ThisProcess;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.I18n;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.FxDialogService;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.main.MainHost;
import com.jobsconsole.ui.main.MainViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The JavaFX application: settings, the store, the main window, and the last-resort error handler. */
public final class JobsConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(JobsConsoleApp.class);
    private static volatile Path storeOption;
    private static volatile UUID openOption;
    private static volatile String profileOption;
    /** {@code -Djobs.console.quitWhenShown=true}: quit once the first page is on screen (packaging/cds.sh). */
    private static final boolean QUIT_WHEN_SHOWN = Boolean.getBoolean("jobs.console.quitWhenShown");
    /** The window's view-model now (a language change builds a new one). */
    private MainViewModel current;

    /** Makes the dialogs; tests replace it, since a native file chooser cannot be driven headless. */
    interface DialogFactory {
        DialogService create(Supplier<Window> owner, Messages messages);
    }

    static volatile DialogFactory dialogFactory = FxDialogService::new;

    private AppDirs dirs;
    private Settings settings;
    private ReferenceData reference;
    private FxTaskExecutor executor;
    private ActiveGateway active;
    private Stage stage;
    private Locale locale;
    private boolean built;
    /** The window's socket for a second start's hand-over (null: another window of this user has it). */
    private volatile SingleInstance instance;

    static void launchGui(Path store, String profile, UUID open) {
        storeOption = store;
        profileOption = profile;
        openOption = open;
        Application.launch(JobsConsoleApp.class);
    }

    /** The profile named by {@code --profile NAME}, or null (tests set it too). */
    static void setProfileOption(String profile) {
        profileOption = profile;
    }

    /** The job named by {@code --open GUID}, or null (tests set it too). */
    static void setOpenOption(UUID guid) {
        openOption = guid;
    }

    /** The store named on the command line, or null (tests set it too). */
    static void setStoreOption(Path store) {
        storeOption = store;
    }

    @Override
    public void start(Stage primaryStage) {
        StartupTrace.mark("fx toolkit up");
        ThisProcess.is(ChangeOrigin.WINDOW);
        this.stage = primaryStage;
        dirs = AppDirs.current();
        settings = Settings.load(dirs.settingsFile());
        locale = settings.language != null ? I18n.supported(Locale.forLanguageTag(settings.language))
                : I18n.supported(Locale.getDefault());
        applyTheme(isDark());
        executor = new FxTaskExecutor(2);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> lastResort(e));
        LinkHandlers.listenOnMac(link -> Platform.runLater(() -> openLink(link)));
        LinkHandlers.registerOnWindows();
        Path store = dirs.startupStore(storeOption != null ? storeOption : storeParameter(getParameters()),
                System.getenv(), settings.lastStore());
        // The reference data and the store are read off the FX thread while the window first shows, saying
        // what it opens (on two cores the two take about as long: begun one after the other, they add up).
        Path overrides = dirs.referenceOverrideDir();
        executor.execute(() -> FirstOpen.of(overrides, store), opened -> firstOpened(store, opened), e -> {
            reference = ReferenceDataLoader.loadDefault(); // not a RuntimeException: before the reference was read
            startupFailure(store, e);
        });
        showOpening(store);
    }

    /** What the start-up reads off the FX thread: the reference data (or its failure), then the store (or its). */
    private record FirstOpen(ReferenceData reference, Exception referenceError, SqliteJobGateway store,
                             RuntimeException storeError) {

        static FirstOpen of(Path overrides, Path store) {
            ReferenceData reference;
            Exception referenceError = null;
            try {
                reference = ReferenceDataLoader.load(overrides);
            } catch (RuntimeException e) {
                referenceError = e;
                reference = ReferenceDataLoader.loadDefault();
            }
            try {
                return new FirstOpen(reference, referenceError, SqliteJobGateway.open(store, reference), null);
            } catch (RuntimeException e) {
                return new FirstOpen(reference, referenceError, null, e);
            }
        }
    }

    private void firstOpened(Path store, FirstOpen opened) {
        reference = opened.reference();
        if (opened.referenceError() != null) {
            LOG.error("reference data cannot be read", opened.referenceError());
            Messages m = new Messages(locale);
            dialogs(m).showError(m.get("startup.reference.title"), m.get("startup.reference.text",
                    dirs.referenceOverrideDir().toString(), String.valueOf(opened.referenceError().getMessage())));
        }
        if (opened.store() != null) {
            storeOpened(opened.store());
        } else {
            startupFailure(store, opened.storeError());
        }
    }

    /** The window as it first appears, sized to the screen: "Opening jobs.sqlite…" until the store is open. */
    private void showOpening(Path store) {
        Messages messages = new Messages(locale);
        Icons.setOn(stage);
        stage.titleProperty().unbind(); // a stage used before (tests start the app again on one)
        stage.setTitle(messages.get("app.name"));
        stage.setScene(new Scene(OpeningView.create(messages, store)));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        // Fit the screen: the window's natural size (every column, every filter) is wider than many.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1440, screen.getWidth()));
        stage.setHeight(Math.min(1200, screen.getHeight()));
        stage.centerOnScreen();
        stage.show();
        StartupTrace.mark("window shown");
    }

    /**
     * {@code --store PATH} (or {@code --store=PATH}) given the JavaFX way, {@code Application.launch(
     * JobsConsoleApp.class, "--store", path)}, as IDEs and test tools start an application; null if not.
     */
    static Path storeParameter(Parameters parameters) {
        if (parameters == null) {
            return null;
        }
        String named = parameters.getNamed().get("store");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        List<String> raw = parameters.getRaw();
        for (int i = 0; i < raw.size(); i++) {
            if (raw.get(i).equals("--store") && i + 1 < raw.size()) {
                return Path.of(raw.get(i + 1));
            }
        }
        return null;
    }

    private DialogService dialogs(Messages messages) {
        return dialogFactory.create(() -> stage.isShowing() ? stage : null, messages);
    }

    /** Opens the start-up store off the FX thread; on failure lets the user choose another file. */
    private void openAtStartup(Path store) {
        if (!built && stage.getScene() != null) { // another file chosen after a failure: the window names it
            stage.getScene().setRoot(OpeningView.create(new Messages(locale), store));
        }
        executor.execute(() -> SqliteJobGateway.open(store, reference), this::storeOpened,
                error -> startupFailure(store, error));
    }

    private void storeOpened(SqliteJobGateway gateway) {
        StartupTrace.mark("store open");
        active = new ActiveGateway(StoreMarks.apply(gateway)); // production, read-only: kept in the file
        rememberStore(gateway.path());
        showMainWindow();
    }

    private void startupFailure(Path store, Throwable error) {
        LOG.warn("start-up store {} cannot be opened: {}", store, error.getMessage());
        Messages m = new Messages(locale);
        DialogService d = dialogs(m);
        Optional<Integer> choice = d.choose(m.get("startup.storeFailed.title"), m.get("startup.storeFailed.header"),
                m.describe(error), List.of(m.get("startup.storeFailed.open"), m.get("startup.storeFailed.new"),
                        m.get("startup.storeFailed.quit")));
        Path dir = store.toAbsolutePath().getParent();
        Optional<Path> next = switch (choice.orElse(2)) {
            case 0 -> d.chooseExistingStore(dir);
            case 1 -> d.chooseNewStore(dir);
            default -> Optional.empty();
        };
        if (next.isPresent()) {
            openAtStartup(next.get());
        } else {
            Platform.exit();
        }
    }

    private void showMainWindow() {
        Messages messages = new Messages(locale);
        MainWindow window = new MainWindow(reference, active, executor, dialogs(messages), messages, host(),
                Platform::exit, Clock.systemDefaultZone());
        window.viewModel().layout().expectWindowHeight(stage.getHeight()); // the method panel open or not, now
        current = window.viewModel();
        stage.titleProperty().bind(window.viewModel().target().titleProperty());
        boolean first = !built;
        built = true;
        Scene scene = stage.getScene();
        if (scene == null) {
            stage.setScene(window.scene());
        } else { // the scene the window opened with: it has the window's size (a new one would size itself)
            scene.setRoot(window.root());
            scene.getStylesheets().setAll(MainWindow.STYLESHEET);
        }
        if (!first) {
            window.viewModel().start();
            return;
        }
        StartupTrace.mark("main window built");
        if (StartupTrace.on()) {
            afterNextLayout(stage.getScene(), () -> StartupTrace.mark("main window laid out"));
        }
        // The counting scans start once the first page is on screen: on a big store they would
        // otherwise share the CPU with the window's first layout.
        whenFirstPageShown(window, () -> {
            StartupTrace.mark("first page shown (" + window.viewModel().jobs().rowsProperty().get().size() + " jobs)");
            window.viewModel().start();
            if (openOption != null || profileOption != null) { // --profile NAME, --open GUID: its window over ours
                window.viewModel().open(profileOption, null, openOption);
            }
            if (QUIT_WHEN_SHOWN) {
                Platform.exit(); // packaging's training run for the start-up cache
            } else {
                listenForHandOvers(); // from now on a second start's link opens here
                window.afterFirstPage();
            }
        });
    }

    /** Runs {@code then} at the first layout pulse after the first page of jobs arrived: the page is on screen. */
    private static void whenFirstPageShown(MainWindow window, Runnable then) {
        Scene scene = window.root().getScene();
        ReadOnlyBooleanProperty loading = window.viewModel().jobs().loadingProperty();
        if (!loading.get()) {
            afterNextLayout(scene, then);
            return;
        }
        loading.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    o.removeListener(this);
                    afterNextLayout(scene, then);
                }
            }
        });
    }

    private static void afterNextLayout(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private MainHost host() {
        return new AppHost(dirs, settings, reference, executor, () -> stage, () -> new Messages(locale),
                () -> dialogs(new Messages(locale)), newLocale -> {
                    locale = I18n.supported(newLocale);
                    // Rebuild the window in the new language once the menu's event is done.
                    Platform.runLater(() -> {
                        active.removeListeners();
                        MainViewModel before = current;
                        showMainWindow();
                        if (before != null) {
                            before.carryFormsInto(current); // what was typed stays
                        }
                    });
                }, JobsConsoleApp::applyTheme);
    }

    private boolean isDark() {
        return "dark".equals(settings.theme);
    }

    private void rememberStore(Path file) {
        settings.rememberStore(file);
        settings.saveLater(dirs.settingsFile());
    }

    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Anything no one else caught: log it and tell the user; the app keeps running. */
    private void lastResort(Throwable e) {
        LOG.error("uncaught exception", e);
        Runnable show = () -> {
            Messages m = new Messages(locale);
            dialogs(m).showError(m.get("error.uncaught.title"), m.describe(e));
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    /**
     * Listens for what a second start of this user's hands over (a link, {@code --open}): off the FX thread;
     * nothing when another window of the user listens already.
     */
    private void listenForHandOvers() {
        Path socket = SingleInstance.socketOf(dirs);
        DaemonThreads.thread("jobs-console-instance-listen", () -> {
            try {
                instance = SingleInstance.listen(socket, r -> Platform.runLater(() -> openHandedOver(r)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("a second start cannot hand over to this window ({}): {}", socket, e.toString());
            }
        }).start();
    }

    /** A link the system handed over (macOS): opened as a second start's would be, or said what is wrong. */
    private void openLink(String link) {
        OpenRequest request;
        try {
            request = OpenRequest.fromLink(link);
        } catch (InvalidInputException e) {
            Messages m = new Messages(locale);
            dialogs(m).showError(m.get("link.failed"), m.describe(e));
            return;
        }
        if (current == null) {
            openOption = request.job(); // the window is still opening: as if given on the command line
            profileOption = request.profile();
            storeOption = request.store();
        } else {
            openHandedOver(request);
        }
    }

    /** A second start handed a request over: the window comes to the front and opens it. */
    private void openHandedOver(OpenRequest request) {
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
        current.open(request.profile(), request.store(), request.job()); // listened for once the window showed
    }

    @Override
    public void stop() {
        if (instance != null) {
            instance.close();
        }
        if (executor != null) {
            executor.close();
        }
        if (active != null) {
            active.close();
        }
        Settings.flushSaves();
    }
}
