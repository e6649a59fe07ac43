package com.jobsconsole.bench;

import com.jobsconsole.app.JobsConsoleApp;
import com.jobsconsole.app.MainWindow;
import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.ui.common.FxDialogService;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.jobs.JobRowViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The main window on a store of 1,000,000 jobs (200,000 with {@code -Dbench.quick=true}): the time
 * from creating the window to the browser's first page on screen, and the heap (after a full GC)
 * once the table has been scrolled to the last job and back in 40 steps each way. The baseline,
 * measured in the same run and JVM: a bare JavaFX window (a stage with one label) shown, and the
 * heap with it. Runs on Monocle's headless glass unless {@code -Dbench.gui.real=true} (then on the
 * display in $DISPLAY, for example under xvfb-run).
 */
final class GuiBenchmark {

    private static final int STEPS = 40;

    private GuiBenchmark() {
    }

    static void run(boolean quick) throws Exception {
        if (!Boolean.getBoolean("bench.gui.real")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        int rows = quick ? 200_000 : 1_000_000;
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        Path dir = Files.createTempDirectory("jobs-gui-bench");
        Path file = dir.resolve("million.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, ref)) {
            store.insertAll(new DemoJobs(ref, rows, 3, LocalDateTime.of(2030, 1, 1, 0, 0)), rows, n -> { }, () -> false);
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        Platform.setImplicitExit(false); // the bare window closes before ours opens

        // baseline: a bare window
        long bareHeapBefore = heapAfterGc();
        long t0 = System.nanoTime();
        Stage bare = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(new Label("bare")), 1280, 900));
            s.show();
            return s;
        });
        onFx(() -> null); // one more pulse: the window is on screen
        double bareMs = (System.nanoTime() - t0) / 1e6;
        long bareHeap = heapAfterGc();
        onFx(() -> {
            bare.close();
            return null;
        });

        // ours: the main window on the big store
        ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(file, ref));
        FxTaskExecutor executor = new FxTaskExecutor(2);
        long t1 = System.nanoTime();
        Object[] made = onFx(() -> {
            JobsConsoleApp.applyTheme(false);
            Stage s = new Stage();
            Messages messages = new Messages(Locale.ENGLISH);
            MainWindow w = new MainWindow(ref, gateway, executor, new FxDialogService(() -> s, messages), messages,
                    new TestHost(dir), s::close, Clock.systemDefaultZone());
            s.setScene(w.scene());
            s.setWidth(1280);
            s.setHeight(900);
            s.show();
            ((SplitPane) s.getScene().lookup("#mainSplit")).setDividerPositions(0.17, 0.7);
            w.viewModel().start();
            return new Object[] {s, s.getScene().lookup("#table")};
        });
        @SuppressWarnings("unchecked")
        TableView<JobRowViewModel> table = (TableView<JobRowViewModel>) made[1];
        waitFor(() -> onFx(() -> table.getItems().size() == rows && !table.getItems().get(0).isLoading()));
        double firstPageMs = (System.nanoTime() - t1) / 1e6;
        long heapAtStart = heapAfterGc();

        long t2 = System.nanoTime();
        for (int i = 1; i <= STEPS; i++) {
            scrollTo(table, (int) ((long) (rows - 1) * i / STEPS));
        }
        for (int i = STEPS - 1; i >= 0; i--) {
            scrollTo(table, (int) ((long) (rows - 1) * i / STEPS));
        }
        double scrollMs = (System.nanoTime() - t2) / 1e6;
        long heapAfterScroll = heapAfterGc();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        System.out.println();
        System.out.printf("GUI on %,d jobs vs a bare JavaFX window, same JVM, same run (%s glass)%n", rows,
                Boolean.getBoolean("bench.gui.real") ? "real" : "Monocle headless");
        System.out.printf("%-40s %10s %10s %8s%n", "measure", "ours", "bare", "ratio");
        System.out.printf("%-40s %8.0f ms %8.0f ms %7.1fx%n", "window shown, first page of jobs on it", firstPageMs,
                bareMs, firstPageMs / bareMs);
        System.out.printf("%-40s %7.1f MiB %7.1f MiB %7.1fx%n", "heap after GC, window open", mib(heapAtStart),
                mib(bareHeap), (double) heapAtStart / bareHeap);
        System.out.printf("%-40s %7.1f MiB %7.1f MiB %7.1fx   goal < 256 MiB: %s%n",
                "heap after GC, scrolled to end and back", mib(heapAfterScroll), mib(bareHeap),
                (double) heapAfterScroll / bareHeap, mib(heapAfterScroll) < 256 ? "met" : "NOT met");
        System.out.printf("%-40s %7.1f MiB%n", "peak heap in use (before GCs)", mib(peak));
        System.out.printf("%-40s %8.0f ms  (%d jumps, each waiting for its page)%n", "scroll to end and back",
                scrollMs, 2 * STEPS);
        System.out.printf("(bare window heap before it opened: %.1f MiB)%n", mib(bareHeapBefore));
        onFx(() -> {
            ((Stage) made[0]).close();
            return null;
        });
        executor.close();
        gateway.close();
    }

    private static void scrollTo(TableView<JobRowViewModel> table, int index) throws Exception {
        onFx(() -> {
            table.scrollTo(index);
            return null;
        });
        waitFor(() -> onFx(() -> !table.getItems().get(index).isLoading()));
    }

    private static <T> T onFx(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the window did not get there within 60 s");
            }
            Thread.onSpinWait();
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
