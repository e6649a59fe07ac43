package com.jobsconsole.bench;

import com.jobsconsole.app.JobsConsoleApp;
import com.jobsconsole.app.MainWindow;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.StoreChanges;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.jobs.JobRowViewModel;
import com.jobsconsole.ui.main.LayoutViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static com.jobsconsole.bench.GuiBenchmark.onFx;
import static com.jobsconsole.bench.GuiBenchmark.waitFor;

/**
 * What Live costs and how soon it shows a change: the main window on a store of 1,000,000 jobs
 * (200,000 with {@code -Dbench.quick=true}) left idle while Live polls, against a bare JavaFX window
 * idle for as long in the same JVM (process CPU time over wall time); every call the window makes to
 * the store while idle, counted by a proxy; and, ten times, the time from a second connection
 * committing a status change of the first row to that row showing it.
 */
final class LiveBenchmark {

    private LiveBenchmark() {
    }

    static void run(boolean quick) throws Exception {
        int rows = quick ? 200_000 : 1_000_000;
        int idleSeconds = quick ? 10 : 30;
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        Path dir = Files.createTempDirectory("jobs-live-bench");
        Path file = GuiBenchmark.seededStore(dir, ref, rows);
        GuiBenchmark.startFx(true);

        Stage bare = onFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(new Label("bare")), 1280, 900));
            s.show();
            return s;
        });
        double bareCpu = cpuShareOver(idleSeconds);
        onFx(() -> {
            bare.close();
            return null;
        });

        Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
        SqliteJobGateway real = SqliteJobGateway.open(file, ref);
        JobGateway counted = (JobGateway) Proxy.newProxyInstance(LiveBenchmark.class.getClassLoader(),
                new Class<?>[] {JobGateway.class, BulkJobStore.class, StoreChanges.class}, (proxy, method, args) -> {
                    if (method.getName().equals("capability")) {
                        Class<?> kind = (Class<?>) args[0];
                        return kind.isInstance(proxy) ? Optional.of(proxy) : Optional.empty();
                    }
                    calls.computeIfAbsent(method.getName(), k -> new AtomicLong()).incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ActiveGateway gateway = new ActiveGateway(counted);
        FxTaskExecutor executor = new FxTaskExecutor(2);
        @SuppressWarnings("unchecked")
        TableView<JobRowViewModel> table = onFx(() -> {
            JobsConsoleApp.applyTheme(false);
            Stage s = new Stage();
            TestHost host = new TestHost(dir);
            host.layout = new LayoutViewModel.Saved(true, 0.8);
            MainWindow w = new MainWindow(ref, gateway, executor, new RecordingDialogs(), new Messages(Locale.ENGLISH),
                    host, s::close, Clock.systemDefaultZone());
            s.setScene(w.scene());
            s.setWidth(1280);
            s.setHeight(900);
            s.show();
            w.viewModel().start();
            return (TableView<JobRowViewModel>) s.getScene().lookup("#table");
        });
        waitFor(() -> onFx(() -> table.getItems().size() == rows && !table.getItems().get(0).isLoading()));
        Thread.sleep(3_000); // the counts and charts of the first load finish
        calls.clear();
        double ourCpu = cpuShareOver(idleSeconds);
        Map<String, Long> idleCalls = new TreeMap<>();
        calls.forEach((k, v) -> idleCalls.put(k, v.get()));

        List<Double> latencies = new ArrayList<>();
        try (SqliteJobGateway other = SqliteJobGateway.open(file, ref)) {
            for (int i = 0; i < 10; i++) {
                Job job = onFx(() -> table.getItems().get(0).job());
                int next = job.status() == 5 ? 4 : 5;
                long t0 = System.nanoTime();
                other.updateStatus(job.guid(), next);
                waitFor(() -> onFx(() -> table.getItems().get(0).job() != null
                        && table.getItems().get(0).job().status() == next));
                latencies.add((System.nanoTime() - t0) / 1e6);
                Thread.sleep(300);
            }
        }
        Collections.sort(latencies);

        System.out.println();
        System.out.printf("Live on %,d jobs (Monocle headless), idle %d s, same JVM and run%n", rows, idleSeconds);
        System.out.printf("%-46s %8s %8s %8s%n", "measure", "ours", "bare", "ratio");
        System.out.printf("%-46s %7.2f%% %7.2f%% %7.1fx%n", "process CPU while idle (share of one core)",
                100 * ourCpu, 100 * bareCpu, ourCpu / Math.max(bareCpu, 1e-6));
        double perMinute = 60.0 / idleSeconds;
        long others = idleCalls.entrySet().stream().filter(e -> !e.getKey().equals("dataVersion"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("%-46s %8.0f%n", "store calls per minute while idle: dataVersion",
                idleCalls.getOrDefault("dataVersion", 0L) * perMinute);
        System.out.printf("%-46s %8.0f   goal 0: %s %s%n", "store calls per minute while idle: any other",
                others * perMinute, others == 0 ? "met" : "NOT met", others == 0 ? "" : idleCalls);
        System.out.printf("%-46s %6.0f ms (min %.0f, max %.0f; the poll runs every 500 ms)%n",
                "outside change to the row showing it, median", latencies.get(latencies.size() / 2), latencies.get(0),
                latencies.get(latencies.size() - 1));
        executor.close();
        gateway.close();
        Platform.exit();
    }

    /** The share of one core this process used over the next {@code seconds}. */
    private static double cpuShareOver(int seconds) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        return (double) (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - t0);
    }
}
