package com.jobsconsole.bench;

import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.ReferenceData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Start-up as a person sees it, under a real display (GTK glass): each subject started as a fresh
 * process, several times, medians. Subjects: the bare JavaFX window ({@link BareWindow}: a menu bar and
 * an empty table, the same JavaFX jars) and the console on a store of 1,000,000 jobs (200,000 with
 * {@code -Dbench.quick=true}), each from the jar (with the launcher's JVM options from
 * {@code packaging/java-options}) and from the app image in {@code target/dist} when it was built.
 * Measured: process start to the window mapped (polled with {@code xdotool} every 20 ms), to the first
 * page of jobs on screen (the console's {@code -Djobs.console.trace=startup} line as it arrives; the bare
 * window's is its window), and the resident memory 20 s after start. Needs {@code xdotool}; without a
 * display it starts {@code Xvfb} itself. {@code -Dbench.startup.noCli=true}: the window's part alone;
 * {@code -Dbench.startup.cliOnly=true}: the command line's part alone.
 */
final class StartupBenchmark {

    private static final int RSS_AFTER_SECONDS = 20;
    private static final String CONSOLE_TITLE = "Jobs Console";
    private static final String BARE_TITLE = "Bare Window";
    private static String display;

    private StartupBenchmark() {
    }

    record Sample(long mappedMs, long firstPageMs, long rssMb) {
    }

    /** How to start one subject. */
    record Subject(String name, String title, List<String> command, Map<String, String> env, boolean console) {
    }

    static void run(boolean quick) throws Exception {
        int rows = quick ? 200_000 : 1_000_000;
        int runs = Integer.getInteger("bench.runs", quick ? 3 : 5);
        Path target = Path.of("target").toAbsolutePath();
        Path jar = target.resolve("jobs-console.jar");
        Path image = target.resolve("dist/jobs-console");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(target.resolve("lib"))) {
            throw new IllegalStateException("build the jar first: mvn -B package -DskipTests (and, for the app image, "
                    + "mvn -B -Ppackage package)");
        }
        Process xvfb = displayOrXvfb();
        try {
            ReferenceData ref = ReferenceDataLoader.loadDefault();
            Path dir = Files.createTempDirectory("jobs-startup-bench");
            Path store = GuiBenchmark.seededStore(dir, ref, rows);
            List<Subject> subjects = subjects(target, jar, image, store, dir);
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            subjects.forEach(s -> samples.put(s.name(), new ArrayList<>()));
            boolean cliOnly = Boolean.getBoolean("bench.startup.cliOnly"); // the command line's part alone
            for (int round = 0; round < (cliOnly ? 0 : runs); round++) {
                for (Subject s : subjects) { // interleaved, so the machine's drift falls on all alike
                    Sample one = once(s, dir.resolve("home-" + round));
                    samples.get(s.name()).add(one);
                    System.out.printf("  round %d %-16s mapped %5d ms  first page %5d ms  rss %4d MB%n",
                            round + 1, s.name(), one.mappedMs(), one.firstPageMs(), one.rssMb());
                }
            }
            if (!cliOnly) {
                report(rows, runs, samples, Files.isDirectory(image));
            }
            if (Files.isDirectory(image) && !Boolean.getBoolean("bench.startup.noCli")) {
                commandLine(jar, image, store, dir, rows, runs);
            }
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    private static List<Subject> subjects(Path target, Path jar, Path image, Path store, Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String testClasses = target.resolve("test-classes").toString();
        String lib = target.resolve("lib") + "/*";
        List<String> options = launcherOptions(target.getParent().resolve("packaging/java-options"));
        List<Subject> list = new ArrayList<>();
        list.add(new Subject("bare (jar)", BARE_TITLE, List.of(java, "-cp", testClasses + ":" + lib,
                BareWindow.class.getName()), Map.of(), false));
        // the same bare window with the console's JVM options: how much of the difference the options make
        List<String> bareTuned = new ArrayList<>(List.of(java));
        bareTuned.addAll(options);
        bareTuned.addAll(List.of("-cp", testClasses + ":" + lib, BareWindow.class.getName()));
        list.add(new Subject("bare, opts (jar)", BARE_TITLE, bareTuned, Map.of(), false));
        List<String> console = new ArrayList<>(List.of(java));
        console.addAll(options);
        console.addAll(List.of("-Djobs.console.trace=startup", "-cp", jar + ":" + lib,
                "com.jobsconsole.app.Launcher", "--store", store.toString()));
        list.add(new Subject("console (jar)", CONSOLE_TITLE, console, Map.of(), true));
        if (Files.isDirectory(image)) {
            String imageJava = image.resolve("lib/runtime/bin/java").toString();
            list.add(new Subject("bare (image)", BARE_TITLE, List.of(imageJava, "-cp",
                    testClasses + ":" + image.resolve("lib/app/lib") + "/*", BareWindow.class.getName()), Map.of(), false));
            // the launcher takes its JVM options from its .cfg; the trace is added the way any JVM takes options
            list.add(new Subject("console (image)", CONSOLE_TITLE,
                    List.of(image.resolve("bin/jobs-console").toString(), "--store", store.toString()),
                    Map.of("JAVA_TOOL_OPTIONS", "-Djobs.console.trace=startup"), true));
        }
        return list;
    }

    /** The JVM options the app image's launcher gets (packaging/java-options), less those naming $APPDIR. */
    static List<String> launcherOptions(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .filter(l -> !l.contains("$APPDIR")).toList();
        }
    }

    private static Sample once(Subject s, Path home) throws Exception {
        Files.createDirectories(home);
        List<String> command = new ArrayList<>(s.command());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        pb.environment().putAll(s.env());
        if (command.get(0).endsWith("java")) {
            command.add(1, "-Djobs.console.home=" + home); // a fresh settings folder each start
        } else { // the app image's launcher takes no JVM option on its command line
            pb.environment().merge("JAVA_TOOL_OPTIONS", "-Djobs.console.home=" + home, (a, b) -> a + " " + b);
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        long[] firstPage = {-1};
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.contains("first page shown") && firstPage[0] < 0) {
                        synchronized (firstPage) {
                            firstPage[0] = (System.nanoTime() - t0) / 1_000_000;
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        long mapped = -1;
        while (mapped < 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60)) {
            if (visible(s.title())) {
                mapped = (System.nanoTime() - t0) / 1_000_000;
            } else {
                Thread.sleep(20);
            }
        }
        long wait = TimeUnit.SECONDS.toMillis(RSS_AFTER_SECONDS) - (System.nanoTime() - t0) / 1_000_000;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        long rss = rssMb(p.pid());
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        long page;
        synchronized (firstPage) {
            page = s.console() ? firstPage[0] : mapped;
        }
        if (mapped < 0 || page < 0) {
            throw new IllegalStateException(s.name() + ": the window did not appear within 60 s");
        }
        return new Sample(mapped, page, rss);
    }

    private static boolean visible(String title) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("xdotool", "search", "--onlyvisible", "--name", title)
                .redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    private static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** The display in $DISPLAY, or an Xvfb of our own (1366x768) when there is none. */
    private static Process displayOrXvfb() throws Exception {
        String given = System.getenv("DISPLAY");
        if (given != null && !given.isBlank()) {
            display = given;
            return null;
        }
        int n = 50 + (int) (ProcessHandle.current().pid() % 40);
        display = ":" + n;
        Process xvfb;
        try {
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("no display and no Xvfb: install xvfb, or run under xvfb-run", e);
        }
        Path socket = Path.of("/tmp/.X11-unix/X" + n);
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(50);
        }
        return xvfb;
    }

    private static long median(List<Sample> list, ToLongFunction<Sample> f) {
        long[] v = list.stream().mapToLong(f).sorted().toArray();
        return v[v.length / 2];
    }

    /**
     * The installed command line against the jar (issue 25): {@code job export} of the whole store to CSV, then
     * {@code job import} of that file into a new store, by the app image's command-line launcher, by its window
     * launcher (the start-up options) and by {@code java -jar} with the JVM's defaults — interleaved, medians.
     */
    private static void commandLine(Path jar, Path image, Path store, Path dir, int rows, int runs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, List<String>> how = new LinkedHashMap<>();
        how.put("jar", List.of(java, "-jar", jar.toString()));
        how.put("image, cli", List.of(image.resolve("bin/jobs-console-cli").toString()));
        how.put("image, window", List.of(image.resolve("bin/jobs-console").toString()));
        Map<String, List<Long>> exports = new LinkedHashMap<>();
        Map<String, List<Long>> imports = new LinkedHashMap<>();
        how.keySet().forEach(k -> {
            exports.put(k, new ArrayList<>());
            imports.put(k, new ArrayList<>());
        });
        Path csv = dir.resolve("export.csv");
        for (int round = 0; round < runs; round++) {
            for (var e : how.entrySet()) {
                Files.deleteIfExists(csv);
                List<String> export = new ArrayList<>(e.getValue());
                export.addAll(List.of("job", "export", "--store", store.toString(), "--out", csv.toString()));
                long ms = timed(export, dir.resolve("cli-home"));
                exports.get(e.getKey()).add(ms);
                Path target = dir.resolve("import-" + round + ".sqlite");
                Files.deleteIfExists(target);
                List<String> importing = new ArrayList<>(e.getValue());
                importing.addAll(List.of("job", "import", "--store", target.toString(), csv.toString()));
                long ims = timed(importing, dir.resolve("cli-home"));
                imports.get(e.getKey()).add(ims);
                Files.deleteIfExists(target);
                System.out.printf("  round %d %-14s export %6d ms  import %6d ms%n", round + 1, e.getKey(), ms, ims);
            }
        }
        System.out.println();
        System.out.printf("The command line: export and import of %,d jobs (CSV), medians of %d runs each%n", rows, runs);
        System.out.printf("%-14s %10s %8s %10s %8s%n", "launcher", "export ms", "vs jar", "import ms", "vs jar");
        long jarExport = medianOf(exports.get("jar"));
        long jarImport = medianOf(imports.get("jar"));
        for (String k : how.keySet()) {
            long ex = medianOf(exports.get(k));
            long im = medianOf(imports.get(k));
            System.out.printf("%-14s %10d %7.2fx %10d %7.2fx%s%n", k, ex, (double) ex / jarExport, im, (double) im / jarImport,
                    k.equals("image, cli") ? "   goal <= 1.05x: " + ((double) ex / jarExport <= 1.05
                            && (double) im / jarImport <= 1.05 ? "met" : "NOT met") : "");
        }
    }

    /** Runs a command to its end (it must succeed); how long it took in ms. */
    private static long timed(List<String> command, Path home) throws Exception {
        Files.createDirectories(home);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("last.log").toFile());
        if (command.get(0).endsWith("java")) {
            pb.command().add(1, "-Djobs.console.home=" + home);
        } else {
            pb.environment().put("JAVA_TOOL_OPTIONS", "-Djobs.console.home=" + home);
        }
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + Files.readString(home.resolve("last.log")));
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long medianOf(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void report(int rows, int runs, Map<String, List<Sample>> samples, boolean image) {
        System.out.println();
        System.out.printf("Start-up under a real display (GTK glass), %,d-job store, medians of %d fresh processes each%n",
                rows, runs);
        System.out.printf("%-16s %11s %15s %10s%n", "subject", "mapped ms", "first page ms", "RSS MB");
        samples.forEach((name, list) -> System.out.printf("%-16s %11d %15d %10d%n", name,
                median(list, Sample::mappedMs), median(list, Sample::firstPageMs), median(list, Sample::rssMb)));
        System.out.println();
        System.out.printf("%-10s %14s %18s %12s%n", "from", "mapped (<=1.1x)", "first page (<=1.2x)", "RSS (<=1.4x)");
        for (String from : image ? List.of("jar", "image", "jar, opts") : List.of("jar", "jar, opts")) {
            List<Sample> bare = samples.get(from.equals("jar, opts") ? "bare, opts (jar)" : "bare (" + from + ")");
            List<Sample> ours = samples.get("console (" + (from.equals("jar, opts") ? "jar" : from) + ")");
            double mapped = (double) median(ours, Sample::mappedMs) / median(bare, Sample::mappedMs);
            double page = (double) median(ours, Sample::firstPageMs) / median(bare, Sample::mappedMs);
            double rss = (double) median(ours, Sample::rssMb) / median(bare, Sample::rssMb);
            System.out.printf("%-10s %8.2fx %-5s %12.2fx %-5s %6.2fx %s%n", from, mapped, mapped <= 1.1 ? "met" : "NOT",
                    page, page <= 1.2 ? "met" : "NOT", rss, rss <= 1.4 ? "met" : "NOT");
        }
        System.out.println("(first page of the bare window = its window mapped; ratios against the bare window "
                + "started the same way, in this run; \"jar, opts\": against the bare window given the console's JVM "
                + "options too)" + (image ? "" : "; no app image: mvn -B -Ppackage package"));
    }
}
