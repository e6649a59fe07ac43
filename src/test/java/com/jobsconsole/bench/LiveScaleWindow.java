package com.jobsconsole.bench;

import com.jobsconsole.app.JobsConsoleApp;
import com.jobsconsole.app.MainWindow;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.jobs.JobRowViewModel;
import com.jobsconsole.ui.main.LayoutViewModel;
import com.jobsconsole.ui.main.MainViewModel;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/**
 * The live-scale benchmark's subject, a process of its own (Monocle headless): the main window on a
 * store, or a bare window (a menu bar and an empty table). It prints "page T" and "counts T" (T:
 * {@link System#nanoTime}, which on Linux is one clock for every process) when the first page and
 * the status counts are on screen, then "ready"; then takes commands on standard input:
 * "row0 S" — print "seen T" once the first row shows status S; "count S N" — once the status table
 * counts N jobs of status S and the first row shows S; "quit".
 *
 * <p>Arguments: {@code console STORE}, {@code bare}, or {@code bare-ticking} (a bare window whose
 * status line changes once a second: the price of one small change on screen).
 */
public final class LiveScaleWindow {

    private LiveScaleWindow() {
    }

    public static void main(String[] args) throws Exception {
        GuiBenchmark.startFx(true);
        if (args[0].startsWith("bare")) {
            boolean ticking = args[0].equals("bare-ticking");
            GuiBenchmark.onFx(() -> {
                TableView<String> table = new TableView<>();
                table.getColumns().add(new TableColumn<>("Guid"));
                Label label = new Label("bare");
                if (ticking) { // the price of one small change on screen a second
                    long[] n = {0};
                    Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1),
                            e -> label.setText("changes seen: " + (++n[0]))));
                    tick.setCycleCount(Animation.INDEFINITE);
                    tick.play();
                }
                BorderPane root = new BorderPane(table, new MenuBar(new Menu("File")), null, null, label);
                Stage s = new Stage();
                s.setScene(new Scene(root, 1280, 800));
                s.show();
                return null;
            });
            System.out.println("ready");
            waitForQuit(null, null);
            return;
        }
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        Path file = Path.of(args[1]);
        Path home = Files.createTempDirectory("jobs-livescale");
        ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(file, ref));
        FxTaskExecutor executor = new FxTaskExecutor(2);
        Window w = GuiBenchmark.onFx(() -> {
            JobsConsoleApp.applyTheme(false);
            Stage s = new Stage();
            TestHost host = new TestHost(home);
            host.layout = new LayoutViewModel.Saved(true, 0.8);
            MainWindow window = new MainWindow(ref, gateway, executor, new RecordingDialogs(),
                    new Messages(Locale.ENGLISH), host, s::close, Clock.systemDefaultZone());
            s.setScene(window.scene());
            s.setWidth(1280);
            s.setHeight(800);
            s.show();
            @SuppressWarnings("unchecked")
            TableView<JobRowViewModel> table = (TableView<JobRowViewModel>) s.getScene().lookup("#table");
            return new Window(window.viewModel(), table);
        });
        // the first frame on which the first page shows, and the first on which the status counts do
        // (checked every frame from the window's start, so whichever comes first is seen when it does)
        BooleanSupplier page = () -> !w.table.getItems().isEmpty() && !w.table.getItems().get(0).isLoading();
        watch(page, "page");
        watch(() -> w.vm.referenceTables().countsKnownProperty().get(), "counts");
        await(page);
        GuiBenchmark.onFx(() -> {
            w.vm.start(); // as the app does once the first page is on screen
            return null;
        });
        await(() -> w.vm.referenceTables().countsKnownProperty().get());
        System.out.println("ready");
        waitForQuit(w, executor);
        gateway.close();
    }

    private record Window(MainViewModel vm, TableView<JobRowViewModel> table) {
    }

    private static void waitForQuit(Window w, FxTaskExecutor executor) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            String[] f = line.split(" ");
            int status = Integer.parseInt(f[1]);
            BooleanSupplier row0 = () -> w.table.getItems().get(0).job() != null
                    && w.table.getItems().get(0).job().status() == status;
            if (f[0].equals("row0")) {
                watch(row0, "seen");
            } else {
                long n = Long.parseLong(f[2]);
                watch(() -> row0.getAsBoolean() && w.vm.referenceTables().statuses().stream()
                        .anyMatch(s -> s.code() == status && s.countProperty().get() == n), "seen");
            }
        }
        if (executor != null) {
            executor.close();
        }
        Platform.exit();
        System.exit(0);
    }

    /** Waits until the condition holds on a frame. */
    private static void await(BooleanSupplier condition) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (condition.getAsBoolean()) {
                    stop();
                    done.countDown();
                }
            }
        }.start());
        done.await();
    }

    /** Prints "WORD T" at the first frame at which the condition holds (checked every frame until then). */
    private static void watch(BooleanSupplier condition, String word) {
        Platform.runLater(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (condition.getAsBoolean()) {
                    long t = System.nanoTime();
                    stop();
                    System.out.println(word + " " + t);
                    System.out.flush();
                }
            }
        }.start());
    }
}
