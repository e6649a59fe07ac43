package com.jobsconsole.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a benchmark suite and prints each subject's throughput as a ratio of its baseline,
 * measured in the same run. {@code -Dbench.quick=true} shortens the run (for a smoke check).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String suite = args.length > 0 ? args[0] : "gateway";
        boolean quick = Boolean.getBoolean("bench.quick");
        switch (suite) {
            case "gateway" -> jmh(SqliteGatewayBenchmark.class, SqliteGatewayBenchmark.pairs(), quick,
                    "SQLite gateway vs raw JDBC (same statements, same kind of file, same run)", "gateway", "raw JDBC", 0.8);
            case "remote" -> jmh(RemoteGatewayBenchmark.class, RemoteGatewayBenchmark.pairs(), quick,
                    "Remote gateway vs bare HttpClient (same requests to serve on loopback, same run)", "gateway",
                    "bare HTTP", 0.9);
            case "server" -> ServerThroughput.run(quick);
            case "query" -> jmhTime(QueryBenchmark.class, QueryBenchmark.pairs(), quick);
            case "names" -> names(quick);
            case "attention" -> attention(quick);
            case "transfer" -> TransferBenchmark.run(quick);
            case "gui" -> GuiBenchmark.run(quick);
            case "live" -> LiveBenchmark.run(quick);
            case "livescale" -> LiveScaleBenchmark.run(quick);
            case "startup" -> StartupBenchmark.run(quick);
            case "slowclients" -> SlowClientsBenchmark.run(quick);
            case "replay" -> ReplayBenchmark.run(quick);
            case "journal" -> JournalBenchmark.run(quick);
            case "palette" -> PaletteBenchmark.run(quick);
            case "pages" -> WalPagesBenchmark.run();
            case "paired" -> PairedWritesBenchmark.run(quick);
            default -> throw new IllegalArgumentException("unknown suite: " + suite
                    + " (known: gateway, remote, server, query, names, attention, transfer, gui, live, livescale, startup, slowclients, replay, journal, palette, pages, paired)");
        }
        // The servers' worker pools are not daemons; the report is out, so end here.
        System.exit(0);
    }

    /** Runs one JMH class; returns each method's score and error, by method name. */
    private static Map<String, double[]> run(Class<?> benchmark, boolean quick) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder().include(benchmark.getSimpleName());
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
        }
        Map<String, double[]> scores = new HashMap<>();
        for (RunResult r : new Runner(options.build()).run()) {
            String label = r.getParams().getBenchmark();
            scores.put(label.substring(label.lastIndexOf('.') + 1),
                    new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        return scores;
    }

    /** Average-time suites: the ratio is subject time over baseline time (lower is better). */
    /** What needs attention over a million jobs: the stuck scan and the day's overview against raw JDBC and their goals. */
    private static void attention(boolean quick) throws Exception {
        Map<String, double[]> s = run(AttentionBenchmark.class, quick);
        System.out.println();
        System.out.println("What needs attention over 1,000,000 jobs (ms per call; raw JDBC: the same SQL, same run)");
        for (String[] g : List.of(new String[] {"stuckScan", "stuckScanJdbc", "stuck scan", "50"},
                new String[] {"overviewDay", "overviewDayJdbc", "overview, 24 hours", "300"})) {
            double[] r = s.get(g[0]);
            double[] b = s.get(g[1]);
            double goal = Double.parseDouble(g[3]);
            System.out.printf("%-20s %9.2f ± %-6.2f raw %.2f ± %.2f: %.2fx   goal <= %s ms %s, <= 1.20x %s%n", g[2], r[0],
                    r[1], b[0], b[1], r[0] / b[0], g[3], r[0] <= goal ? "met" : "NOT met",
                    r[0] / b[0] <= 1.2 ? "met" : "NOT met");
        }
    }

    /** Names over a million jobs: the first page against raw SQL, the rest against their goals in ms. */
    private static void names(boolean quick) throws Exception {
        Map<String, double[]> s = run(NamesBenchmark.class, quick);
        double[] page = s.get("firstPageNamesGateway");
        double[] raw = s.get("firstPageJdbc");
        System.out.println();
        System.out.println("Names over 1,000,000 jobs, 200 named robots, 500 named process versions (ms per call)");
        System.out.printf("%-22s %9.2f ± %-6.2f raw SQL without names %.2f ± %.2f: %.2fx   goal <= 1.20 %s%n",
                "first page with names", page[0], page[1], raw[0], raw[1], page[0] / raw[0],
                page[0] / raw[0] <= 1.2 ? "met" : "NOT met");
        for (String[] g : List.of(new String[] {"sortByRobotName", "sorted by robot name", "100"},
                new String[] {"filterByRobotName", "filtered by robot name", "100"},
                new String[] {"jobWindowReads", "a job window's reads", "150"},
                new String[] {"durationsPerVersion", "durations per version", "1000"})) {
            double[] r = s.get(g[0]);
            double goal = Double.parseDouble(g[2]);
            System.out.printf("%-22s %9.2f ± %-6.2f goal <= %s ms %s%n", g[1], r[0], r[1], g[2],
                    r[0] <= goal ? "met" : "NOT met");
        }
    }

    private static void jmhTime(Class<?> benchmark, List<String[]> pairs, boolean quick) throws Exception {
        Map<String, double[]> scores = run(benchmark, quick);
        System.out.println();
        System.out.println("Browser queries over 1,000,000 jobs: gateway vs the same SQL by raw JDBC (ms per query)");
        System.out.printf("%-14s %16s %16s %8s   %s%n", "query", "gateway ms", "raw JDBC ms", "ratio", "goal <= 1.20");
        for (String[] p : pairs) {
            double[] subject = scores.get(p[1]);
            double[] base = scores.get(p[2]);
            if (subject == null || base == null) {
                continue;
            }
            double ratio = subject[0] / base[0];
            System.out.printf("%-14s %9.2f ± %-5.2f %9.2f ± %-5.2f %7.2fx   %s%n", p[0], subject[0], subject[1],
                    base[0], base[1], ratio, ratio <= 1.2 ? "met" : "NOT met");
        }
    }

    private static void jmh(Class<?> benchmark, List<String[]> pairs, boolean quick, String title, String subjectName,
                            String baselineName, double goal) throws Exception {
        Map<String, double[]> scores = run(benchmark, quick);
        System.out.println();
        System.out.println(title);
        System.out.printf("%-8s %16s %16s %8s   %s%n", "op", subjectName + " ops/s", baselineName + " ops/s", "ratio",
                String.format("goal >= %.2f", goal));
        for (String[] p : pairs) {
            double[] subject = scores.get(p[1]);
            double[] base = scores.get(p[2]);
            if (subject == null || base == null) {
                continue;
            }
            double ratio = subject[0] / base[0];
            System.out.printf("%-8s %9.0f ± %-5.0f %9.0f ± %-5.0f %7.2fx   %s%n", p[0], subject[0], subject[1],
                    base[0], base[1], ratio, ratio >= goal ? "met" : "NOT met");
        }
    }
}
