package com.jobsconsole.app;

import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.demo.DemoDirectory;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.JournalUndo;
import com.jobsconsole.gateway.StoreMarks;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.I18n;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.SavedView;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.testing.FaultProxy;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.ui.common.DialogService.PlannedChange;
import com.jobsconsole.ui.common.FxDialogService;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.main.LayoutViewModel;
import com.jobsconsole.ui.main.MainViewModel;
import com.jobsconsole.ui.sync.SyncItemViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Popup;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.imageio.ImageIO;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Makes the README's screenshots (not a check of behaviour): run with
 * {@code mvn -B test -Pscreenshots -Dtest=ScreenshotsTest -Dscreenshots.dir=assets/screenshots}.
 */
@Tag("screenshots")
@EnabledIfSystemProperty(named = "screenshots.dir", matches = ".+")
class ScreenshotsTest {

    @TempDir
    Path dir;

    @Test
    void mainWindowInEnglishAndRussian() throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir"));
        Files.createDirectories(out);
        Path store = dir.resolve("demo").resolve("jobs.sqlite");
        try (SqliteJobGateway g = SqliteJobGateway.open(store, REFERENCE)) {
            Random r = new Random(7);
            int[] statuses = {1, 1, 8, 8, 8, 4, 4, 4, 4, 5, 6, 7, 0, 2, 3};
            for (int i = 0; i < 40; i++) {
                int status = statuses[r.nextInt(statuses.length)];
                g.create(new JobDraft(UUID.randomUUID(), status, r.nextInt(5) == 0 ? 0 : 1,
                        JobSource.values()[r.nextInt(3)], 50L + r.nextInt(9), 1L + r.nextInt(6), 4L,
                        null, null, null, null));
            }
            // robots and processes by name, as a site's directory gives them
            g.capability(JobDirectory.class).orElseThrow().addMissing(DemoDirectory.entries());
            // a job with a story: queued, run, stopped, set going again
            storied = UUID.randomUUID();
            g.create(new JobDraft(storied, 1, 1, JobSource.API, 55L, 3L, 4L, null, null, null, null));
            for (int status : new int[] {8, 6, 7, 1, 8}) {
                g.updateStatus(storied, status);
            }
            g.insertAll(lastDay(r).iterator(), n -> { }, () -> false);
            // the journal's story: a bulk abort, undone, then redone
            JobJournal journal = g.capability(JobJournal.class).orElseThrow();
            List<Job> four = g.page(JobQuery.all().page(5, 0)).stream().filter(j -> !j.guid().equals(storied))
                    .limit(4).toList();
            long bulk = journal.record(JobJournal.Mark.of(JournalAction.BULK_ABORT, null),
                    () -> four.forEach(j -> g.updateStatus(j.guid(), 2))).orElseThrow();
            long undo = new JournalUndo(g).undo(bulk).entry().orElseThrow();
            new JournalUndo(g).undo(undo);
        }
        Path production = dir.resolve("prod").resolve("production.sqlite");
        Files.createDirectories(production.getParent());
        Files.copy(store, production);
        try (SqliteJobGateway g = SqliteJobGateway.open(production, REFERENCE)) {
            g.capability(StoreMarks.class).orElseThrow().mark(true, "#c62828", false);
        }
        laptop(production, Locale.ENGLISH, out.resolve("production-en.png"));
        zoomed(store, out.resolve("zoom-150-en.png"));
        savedView(store, out.resolve("saved-view-en.png"));
        preview(store, out.resolve("preview-en.png"));
        for (Locale locale : List.of(Locale.ENGLISH, I18n.RUSSIAN)) {
            shoot(store, locale, out.resolve("main-window-" + locale.getLanguage() + ".png"), true);
        }
        shoot(store, Locale.ENGLISH, out.resolve("create-validation-en.png"), false);
        remote(out.resolve("remote-exchange-en.png"));
        syncWindow(out.resolve("sync-window-en.png"));
        for (Locale locale : List.of(Locale.ENGLISH, I18n.RUSSIAN)) {
            importWindow(store, locale, out.resolve("import-" + locale.getLanguage() + ".png"));
            String lang = locale.getLanguage();
            windowOf(store, locale, out.resolve("job-window-" + lang + ".png"), new RecordingDialogs(),
                    vm -> vm.jobWindows().open(storied), scene -> scene.lookup(".job-history") instanceof ListView<?> l
                            && l.getItems().size() == 6);
            laptop(store, locale, out.resolve("window-1280x800-" + lang + ".png"));
            palette(store, locale, out.resolve("palette-" + lang + ".png"));
            windowOf(store, locale, out.resolve("attention-" + lang + ".png"), new RecordingDialogs(),
                    vm -> vm.attention().show(), scene -> scene.lookup(".attention-window") != null
                            && scene.lookup(".attention-window .table-view") instanceof TableView<?> t
                            && !t.getItems().isEmpty());
            windowOf(store, locale, out.resolve("overview-" + lang + ".png"), new RecordingDialogs(),
                    vm -> vm.overview().show(), scene -> scene.lookup(".overview-window") != null
                            && scene.lookup("#figure-finished .overview-number") instanceof Label l
                            && !"0".equals(l.getText()));
            windowOf(store, locale, out.resolve("journal-" + lang + ".png"), new RecordingDialogs(),
                    vm -> {
                        vm.journal().actionProperty().set(JournalAction.UNDO); // the undo and its redo
                        vm.journal().show();
                    }, scene -> scene.lookup(".journal-window #itemTable") instanceof TableView<?> t
                            && t.getItems().size() == 3);
            windowOf(store, locale, out.resolve("directory-" + lang + ".png"), new RecordingDialogs(),
                    vm -> vm.directory().show(),
                    scene -> scene.lookup("#table-robot") instanceof TableView<?> t && !t.getItems().isEmpty());
        }
    }

    private UUID storied;

    /**
     * A day's work as a site has it: jobs finished over the last 24 hours (mostly succeeded, some failed,
     * stopped or aborted) by the demo's robots and processes, and a few stuck (Needs attention, Overview).
     */
    private static List<Job> lastDay(Random r) {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        List<Job> jobs = new ArrayList<>();
        int[] finals = {4, 4, 4, 4, 4, 4, 4, 5, 5, 7, 3};
        for (int i = 0; i < 420; i++) {
            LocalDateTime done = now.minusMinutes(5 + r.nextInt(24 * 60 - 10));
            LocalDateTime started = done.minusMinutes(2 + r.nextInt(40));
            long version = 50L + r.nextInt(9);
            int status = finals[r.nextInt(finals.length)];
            if (version == 53 && r.nextBoolean()) {
                status = 5; // one process has a bad day
            }
            jobs.add(new Job(UUID.randomUUID(), status, 1, JobSource.TRIGGER, version, 1L + r.nextInt(6), 4L, null, null,
                    null, null, started.minusMinutes(1), done, started, done));
        }
        int[][] stuck = {{6, 134}, {6, 48}, {2, 95}, {1, 180}, {1, 75}, {0, 2_000}};
        for (int[] s : stuck) {
            LocalDateTime since = now.minusMinutes(s[1]);
            jobs.add(new Job(UUID.randomUUID(), s[0], 1, JobSource.API, 50L + r.nextInt(9), 1L + r.nextInt(6), 4L, null,
                    null, null, null, since.minusMinutes(20), since, s[0] == 6 || s[0] == 2 ? since.minusMinutes(30) : null,
                    null));
        }
        LocalDateTime started = now.minusHours(5);
        jobs.add(new Job(UUID.randomUUID(), 8, 1, JobSource.API, 51L, 2L, 4L, null, null, now.minusMinutes(40), null,
                started.minusMinutes(1), started, started, null)); // past its stop time
        return jobs;
    }

    /** The main window on a laptop's 1280×800, a job selected (issue 24: nothing cut off in either language). */
    private void laptop(Path store, Locale locale, Path file) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ActiveGateway gateway = new ActiveGateway(StoreMarks.apply(SqliteJobGateway.open(store, REFERENCE)));
        FxTaskExecutor executor = new FxTaskExecutor(1);
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(s -> {
            JobsConsoleApp.applyTheme(false);
            TestHost host = new TestHost(dir);
            host.layout = LayoutViewModel.Saved.NONE; // as it first opens: on a laptop, the method panel as its tabs
            window[0] = new MainWindow(REFERENCE, gateway, executor, new RecordingDialogs(), new Messages(locale),
                    host, s::close, Clock.systemDefaultZone());
            s.setScene(window[0].scene());
            s.setWidth(1280);
            s.setHeight(800);
            s.show();
            window[0].viewModel().start();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window[0].viewModel().jobs().rowsProperty().get().isEmpty()
                && !window[0].viewModel().jobs().rowsProperty().get().get(0).isLoading());
        Platform.runLater(() -> ((TableView<?>) stage.getScene().lookup(".jobs-browser #table")).getSelectionModel().select(1));
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> shot.complete(stage.getScene().snapshot(null)));
        write(shot.get(10, TimeUnit.SECONDS), file);
        FxToolkit.cleanupStages();
        executor.close();
        gateway.close();
        assertThat(file).exists();
    }

    /** The command palette over the laptop-sized window, "abort" typed (in Russian "прерв"): the popup as it shows. */
    private void palette(Path store, Locale locale, Path file) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(store, REFERENCE));
        FxTaskExecutor executor = new FxTaskExecutor(1);
        FxToolkit.setupStage(s -> {
            JobsConsoleApp.applyTheme(false);
            MainWindow w = new MainWindow(REFERENCE, gateway, executor, new RecordingDialogs(), new Messages(locale),
                    new TestHost(dir), s::close, Clock.systemDefaultZone());
            s.setScene(w.scene());
            s.setWidth(1280);
            s.setHeight(800);
            s.show();
            w.viewModel().start();
        });
        WaitForAsyncUtils.waitForFxEvents();
        new FxRobot().press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> new FxRobot().lookup("#paletteField").tryQuery().isPresent());
        new FxRobot().interact(() -> ((TextField) new FxRobot().lookup("#paletteField").query())
                .setText(locale.getLanguage().equals("ru") ? "\u043f\u0440\u0435\u0440\u0432" : "abort"));
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> Window.getWindows().stream().filter(w -> w instanceof Popup && w.isShowing())
                .findFirst().ifPresent(w -> shot.complete(w.getScene().getRoot().snapshot(null, null))));
        write(shot.get(10, TimeUnit.SECONDS), file);
        FxToolkit.cleanupStages();
        executor.close();
        gateway.close();
        assertThat(file).exists();
    }

    /**
     * A saved view shown at start on a laptop's 1280×800 (failed and aborted jobs of the last 24 hours, longest
     * first, a few columns hidden), with the Views menu open over it.
     */
    private void savedView(Path store, Path file) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(store, REFERENCE));
        FxTaskExecutor executor = new FxTaskExecutor(1);
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(s -> {
            JobsConsoleApp.applyTheme(false);
            TestHost host = new TestHost(dir);
            host.layout = LayoutViewModel.Saved.NONE;
            SavedView failed = new SavedView("Failed or aborted, last 24 hours", new SavedView.Filter(List.of(3, 5),
                    List.of(), List.of(), "", "", null, null, java.time.Duration.ofHours(24), JobSort.DURATION, false),
                    List.of("guidColumn:auto:true", "statusColumn:auto:true", "typeColumn:auto:false",
                            "sourceColumn:auto:false", "robotColumn:auto:true", "processColumn:auto:true",
                            "durationColumn:auto:true", "createdColumn:auto:true", "completedColumn:auto:true",
                            "startedColumn:auto:false", "updatedColumn:auto:false", "taskColumn:auto:false",
                            "scheduleColumn:auto:false"), new SavedView.Layout(true, 0.7, null));
            SavedView mine = new SavedView("Robot WS-FIN-01", new SavedView.Filter(List.of(), List.of(), List.of(),
                    "WS-FIN-01", "", null, null, null, JobSort.CREATED_AT, false), List.of(), null);
            host.views.put("store:" + gateway.get().target(), new SavedView.Kept(List.of(failed, mine), failed.name()));
            window[0] = new MainWindow(REFERENCE, gateway, executor, new RecordingDialogs(), new Messages(Locale.ENGLISH),
                    host, s::close, Clock.systemDefaultZone());
            s.setScene(window[0].scene());
            s.setWidth(1280);
            s.setHeight(800);
            s.show();
            window[0].viewModel().start();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window[0].viewModel().jobs().rowsProperty().get().isEmpty()
                && !window[0].viewModel().jobs().rowsProperty().get().get(0).isLoading());
        MenuBar bar = (MenuBar) stage.getScene().lookup("#menuBar");
        Menu views = bar.getMenus().stream().filter(m -> "viewsMenu".equals(m.getId())).findFirst().orElseThrow();
        new FxRobot().interact(views::show);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            WritableImage main = stage.getScene().snapshot(null);
            Window popup = Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst().orElse(null);
            if (popup != null) { // the menu drawn over the window where it shows
                WritableImage menu = popup.getScene().getRoot().snapshot(null, null);
                int dx = (int) Math.round(popup.getX() - stage.getX() - stage.getScene().getX());
                int dy = (int) Math.round(popup.getY() - stage.getY() - stage.getScene().getY());
                var reader = menu.getPixelReader();
                var writer = main.getPixelWriter();
                for (int y = 0; y < (int) menu.getHeight() && y + dy < (int) main.getHeight(); y++) {
                    for (int x = 0; x < (int) menu.getWidth() && x + dx < (int) main.getWidth(); x++) {
                        int argb = reader.getArgb(x, y);
                        if (x + dx >= 0 && y + dy >= 0 && (argb >>> 24) > 0) {
                            writer.setArgb(x + dx, y + dy, argb);
                        }
                    }
                }
            }
            shot.complete(main);
        });
        write(shot.get(10, TimeUnit.SECONDS), file);
        new FxRobot().interact(views::hide);
        FxToolkit.cleanupStages();
        executor.close();
        gateway.close();
        assertThat(file).exists();
    }

    /** The main window at 150% zoom on a laptop's 1280×800 (View → Zoom in, five times). */
    private void zoomed(Path store, Path file) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(store, REFERENCE));
        FxTaskExecutor executor = new FxTaskExecutor(1);
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(s -> {
            JobsConsoleApp.applyTheme(false);
            TestHost host = new TestHost(dir);
            host.layout = LayoutViewModel.Saved.NONE; // as it first opens on a laptop: the method panel as its tabs
            window[0] = new MainWindow(REFERENCE, gateway, executor, new RecordingDialogs(), new Messages(Locale.ENGLISH),
                    host, s::close, Clock.systemDefaultZone());
            s.setScene(window[0].scene());
            s.setWidth(1280);
            s.setHeight(800);
            s.show();
            window[0].viewModel().start();
            window[0].viewModel().zoom().set(1.5);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window[0].viewModel().jobs().rowsProperty().get().isEmpty()
                && !window[0].viewModel().jobs().rowsProperty().get().get(0).isLoading());
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> shot.complete(stage.getScene().snapshot(null)));
        write(shot.get(10, TimeUnit.SECONDS), file);
        new FxRobot().interact(() -> window[0].viewModel().zoom().reset()); // the windows after it at 100%
        FxToolkit.cleanupStages();
        executor.close();
        gateway.close();
        assertThat(file).exists();
    }

    /** A secondary window the main window opens ({@code open}), once {@code ready} says it shows its content. */
    private void windowOf(Path store, Locale locale, Path file, RecordingDialogs dialogs, Consumer<MainViewModel> open,
                          Predicate<Scene> ready) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(store, REFERENCE));
        FxTaskExecutor executor = new FxTaskExecutor(1);
        FxToolkit.setupStage(s -> {
            JobsConsoleApp.applyTheme(false);
            MainWindow window = new MainWindow(REFERENCE, gateway, executor, dialogs, new Messages(locale),
                    new TestHost(dir), s::close, Clock.systemDefaultZone());
            s.setScene(window.scene());
            s.setWidth(1360);
            s.setHeight(1000);
            s.show();
            window.viewModel().start();
            open.accept(window.viewModel());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w != stage && w.getScene() != null && ready.test(w.getScene())));
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> Window.getWindows().stream().filter(w -> w != stage && w.getScene() != null
                && ready.test(w.getScene())).findFirst().ifPresent(w -> shot.complete(w.getScene().snapshot(null))));
        write(shot.get(10, TimeUnit.SECONDS), file);
        FxToolkit.cleanupStages();
        executor.close();
        gateway.close();
        assertThat(file).exists();
    }

    /** The preview before a bulk change: the real dialog, twelve jobs from → to. */
    private void preview(Path store, Path file) throws Exception {
        List<PlannedChange> changes;
        try (SqliteJobGateway g = SqliteJobGateway.open(store, REFERENCE)) {
            Names names = g.capability(JobDirectory.class).orElseThrow().names();
            Messages m = new Messages(Locale.ENGLISH);
            changes = g.page(JobQuery.all().page(12, 0)).stream().map(j -> new PlannedChange(j.guid().toString(),
                    m.label(REFERENCE, j.status()), m.label(REFERENCE, 6),
                    names.robot(j.robotId()) + " \u00b7 " + names.processVersion(j.processVersionId()))).toList();
        }
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            JobsConsoleApp.applyTheme(false);
            s.setScene(new Scene(new javafx.scene.layout.StackPane(), 1280, 800));
            s.show();
        });
        Messages m = new Messages(Locale.ENGLISH);
        Platform.runLater(() -> new FxDialogService(() -> stage, m).confirmChanges(m.get("jobs.bulk.status.title"),
                m.get("jobs.bulk.status.header", 12, m.label(REFERENCE, 6)), m.get("jobs.bulk.status.body", 12), changes,
                m.get("jobs.bulk.status.button")));
        Predicate<Scene> dialog = scene -> scene.getRoot() instanceof DialogPane;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w != stage && w.getScene() != null && dialog.test(w.getScene())));
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> Window.getWindows().stream().filter(w -> w != stage && w.getScene() != null
                && dialog.test(w.getScene())).findFirst().ifPresent(w -> {
                    shot.complete(w.getScene().snapshot(null));
                    ((Stage) w).close();
                }));
        write(shot.get(10, TimeUnit.SECONDS), file);
        FxToolkit.cleanupStages();
        assertThat(file).exists();
    }

    /** The import window on a CSV with a column it leaves out and two bad rows. */
    private void importWindow(Path store, Locale locale, Path file) throws Exception {
        Path csv = Files.writeString(dir.resolve("from-orchestrator.csv"), """
                GUID,Status,Type,Robot Id,Process Version Id,Created At,Comment
                6b1f0a52-8d3c-4e4e-9a51-0c6f5d2e7a10,4,1,3,55,2026-11-20 09:15:00,nightly run
                7c2e1b63-9e4d-4f5f-8b62-1d7e6e3f8b21,5,1,3,55,2026-11-20 09:20:00,retry
                not-a-guid,4,1,3,55,2026-11-20 09:25:00,typo
                8d3f2c74-af5e-4a60-9c73-2e8f7f4a9c32,42,1,4,56,2026-11-21 10:00:00,unknown status
                9e403d85-b06f-4b71-8d84-3f90805bad43,1,0,4,56,2026-11-21 10:05:00,
                a0514e96-c170-4c82-9e95-40a1916cbe54,8,1,5,57,2026-11-22 11:30:00,running
                """);
        windowOf(store, locale, file, new RecordingDialogs().answerFile(csv), vm -> vm.jobs().transfer().importFile(),
                scene -> scene.lookup("#problemTable") instanceof TableView<?> t && !t.getItems().isEmpty());
    }

    /** The window on a remote profile (a real server on loopback), showing a create's HTTP exchange. */
    private void remote(Path file) throws Exception {
        try (var server = new LocalApiServer(dir.resolve("server"))) {
            var host = new TestHost(dir.resolve("remote"));
            host.profiles.save(null, new ConnectionProfile("Production",
                    server.baseUrl(), AuthScheme.BEARER, 5, 15, null),
                    LocalApiServer.KEY);
            Stage stage = FxToolkit.registerPrimaryStage();
            ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(dir.resolve("remote/local.sqlite"), REFERENCE));
            FxTaskExecutor executor = new FxTaskExecutor(1);
            MainWindow[] window = {null};
            FxToolkit.setupStage(s -> window[0] = onProfile(s, gateway, executor, host, 1000));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> gateway.get() instanceof RemoteJobGateway);
            FxToolkit.setupFixture(() -> {
                var create = window[0].viewModel().create();
                create.processVersionProperty().set("55");
                create.robotProperty().set("1");
                create.accountProperty().set("4");
                create.execute();
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> !window[0].viewModel().create().requestTextProperty().get().isEmpty());
            FxToolkit.setupFixture(() -> {
                TabPane tabs = (TabPane) stage.getScene().lookup("#resultTabs");
                tabs.getSelectionModel().select(1);
                // show the exchange: the method panel gets the height
                window[0].viewModel().layout().toggleMaximised(LayoutViewModel.Section.METHODS);
            });
            WaitForAsyncUtils.waitForFxEvents();
            CompletableFuture<WritableImage> shot = new CompletableFuture<>();
            Platform.runLater(() -> shot.complete(stage.getScene().snapshot(null)));
            write(shot.get(10, TimeUnit.SECONDS), file);
            FxToolkit.cleanupStages();
            executor.close();
            gateway.close();
        }
    }

    /**
     * The Sync window over the main window on a profile whose orchestrator does not answer: two
     * changes waiting and one conflict (another administrator set the job to Failed meanwhile).
     */
    private void syncWindow(Path file) throws Exception {
        try (var server = new LocalApiServer(dir.resolve("sync-server"));
             var proxy = new FaultProxy(server.server.port())) {
            var host = new TestHost(dir.resolve("sync"));
            ConnectionProfile profile = new ConnectionProfile("Production", proxy.baseUrl(), AuthScheme.BEARER, 2, 5,
                    null);
            host.profiles.save(null, profile, LocalApiServer.KEY);
            try (RemoteJobGateway earlier = (RemoteJobGateway) host.openRemote(profile)) {
                List<UUID> made = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    made.add(earlier.create(JobDraft.of(UUID.randomUUID(), 50L + i, 1L + i % 5, 4L)).guid());
                    earlier.updateStatus(made.get(i), i % 3 == 0 ? 8 : 4);
                }
                proxy.refuse();
                earlier.updateStatus(made.get(0), 6); // In progress -> Stopping, overtaken below
                proxy.heal();
                server.store.updateStatus(made.get(0), 5);
                earlier.sync(4, (d, n) -> { }, () -> false);
                proxy.refuse();
                earlier.updateStatus(made.get(3), 6);
                earlier.delete(made.get(5));
                earlier.create(JobDraft.of(UUID.randomUUID(), 77L, 3L, 4L));
            }
            Stage stage = FxToolkit.registerPrimaryStage();
            ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(dir.resolve("sync/local.sqlite"), REFERENCE));
            FxTaskExecutor executor = new FxTaskExecutor(1);
            MainWindow[] window = {null};
            FxToolkit.setupStage(s -> window[0] = onProfile(s, gateway, executor, host, 860));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> gateway.get() instanceof RemoteJobGateway
                    && window[0].viewModel().sync().items().size() == 4
                    && !window[0].viewModel().sync().lastResultProperty().get().isEmpty());
            FxToolkit.setupFixture(() -> {
                var sync = window[0].viewModel().sync();
                sync.show();
                sync.selectedProperty().set(sync.items().stream().filter(SyncItemViewModel::isConflict).findFirst()
                        .orElseThrow());
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                    .anyMatch(w -> w != stage && w.getScene() != null && w.getScene().lookup(".sync-dialog") != null));
            WaitForAsyncUtils.waitForFxEvents();
            CompletableFuture<WritableImage> shot = new CompletableFuture<>();
            Platform.runLater(() -> Window.getWindows().stream().filter(w -> w != stage && w.getScene() != null
                    && w.getScene().lookup(".sync-dialog") != null).findFirst()
                    .ifPresent(w -> shot.complete(w.getScene().snapshot(null))));
            write(shot.get(10, TimeUnit.SECONDS), file);
            FxToolkit.cleanupStages();
            executor.close();
            gateway.close();
        }
    }

    /** The main window in English, 1360 wide, switched to the host's first profile. */
    private static MainWindow onProfile(Stage s, ActiveGateway gateway, FxTaskExecutor executor, TestHost host,
                                        int height) {
        JobsConsoleApp.applyTheme(false);
        MainWindow window = new MainWindow(REFERENCE, gateway, executor, new RecordingDialogs(),
                new Messages(Locale.ENGLISH), host, s::close, Clock.systemDefaultZone());
        s.setScene(window.scene());
        s.setWidth(1360);
        s.setHeight(height);
        s.show();
        window.viewModel().start();
        var vm = window.viewModel();
        vm.target().selectedTargetProperty().set(vm.target().targets().get(1));
        return window;
    }

    private void shoot(Path store, Locale locale, Path file, boolean valid) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ActiveGateway gateway = new ActiveGateway(StoreMarks.apply(SqliteJobGateway.open(store, REFERENCE)));
        FxTaskExecutor executor = new FxTaskExecutor(1);
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(s -> {
            JobsConsoleApp.applyTheme(false);
            Messages messages = new Messages(locale);
            TestHost host = new TestHost(dir);
            if (valid) {
                host.layout = LayoutViewModel.Saved.NONE; // the main window as it first opens
            }
            window[0] = new MainWindow(REFERENCE, gateway, executor, new RecordingDialogs(), messages, host,
                    s::close, Clock.systemDefaultZone());
            s.setScene(window[0].scene());
            s.setWidth(1360);
            s.setHeight(1000);
            s.show();
            window[0].viewModel().start();
            var create = window[0].viewModel().create();
            create.processVersionProperty().set("55");
            create.robotProperty().set(valid ? "1" : "-1");
            create.accountProperty().set(valid ? "4" : "four");
            create.scheduleProperty().set("2");
            create.stopAfterDateProperty().set(LocalDateTime.now().plusDays(1).toLocalDate());
            create.stopAfterTimeProperty().set(valid ? "12:00" : "25:61");
            if (valid) {
                create.execute();
            }
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !valid || !window[0].viewModel().create().responseBodyProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            Scene scene = stage.getScene();
            shot.complete(scene.snapshot(null));
        });
        write(shot.get(10, TimeUnit.SECONDS), file);
        FxToolkit.cleanupStages();
        executor.close();
        gateway.close();
        assertThat(file).exists();
    }

    private static void write(WritableImage image, Path file) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
    }
}
