package com.jobsconsole.cli;

import com.jobsconsole.demo.DemoDirectory;
import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.transfer.JobImport;
import com.jobsconsole.transfer.JobTransfer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;

/** {@code job seed|export|import}: a store file filled or written out in bulk. */
final class StoreJobCommands {

    private StoreJobCommands() {
    }

    @Command(name = "seed", mixinStandardHelpOptions = true,
            description = "Fill a store with realistic demo jobs (all in one transaction) and print the rate.")
    static final class Seed extends JobCommand.Action {
        @Override
        boolean writes() {
            return true;
        }

        @Option(names = "--count", required = true, description = "How many jobs (1 to 10,000,000).")
        long count;
        @Option(names = "--seed", defaultValue = "1", description = "Random seed: the same seed makes the same jobs.")
        long seed;

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            if (count < 1 || count > 10_000_000) {
                throw new CliContext.CliUsageException("--count must be 1 to 10000000");
            }
            var store = storeFile(gateway, "seed");
            long start = System.nanoTime();
            long n = store.insertAll(new DemoJobs(CliContext.reference(), count, seed,
                    LocalDateTime.now()), count, done -> { }, () -> false);
            // the robots and processes get names as a site would give them (names already given stay)
            gateway.capability(JobDirectory.class).ifPresent(d -> d.addMissing(DemoDirectory.entries()));
            printRate(out, "Seeded %d jobs into %s", n, store.path(), start);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the jobs (optionally filtered) to a CSV, JSON or XLSX file, with the API's field names.")
    static final class Export extends JobCommand.Action {
        @Option(names = "--format", description = "csv, json or xlsx (default: from the file name, else csv).")
        String format;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
        Path out;
        @Option(names = "--status", split = ",", description = "Only these status codes.")
        Set<Integer> statuses;
        @Option(names = "--type", split = ",", description = "Only these type codes.")
        Set<Integer> types;

        @Override
        void run(JobGateway gateway, PrintWriter stdout) {
            JobTransfer.Format f = format != null ? format(format)
                    : JobTransfer.Format.of(out);
            JobQuery q = new JobQuery(statuses, types, Set.of(), null, JobSort.CREATED_AT, true, 1, 0);
            long start = System.nanoTime();
            try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(out))) {
                long n = JobTransfer.export(gateway, q, f, w, x -> { }, () -> false);
                printRate(stdout, "Exported %d jobs to %s", n, out, start);
            } catch (IOException e) {
                throw new CliContext.CliUsageException("cannot write " + out + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Read jobs from a CSV or JSON file into a store: all of them in one transaction, or none.")
    static final class Import extends JobCommand.Action {
        @Override
        boolean writes() {
            return !dryRun;
        }

        @Mixin
        ImportFile input;
        @Option(names = "--dry-run", description = "Check every row and print what would be imported; import nothing.")
        boolean dryRun;

        @Override
        void run(JobGateway gateway, PrintWriter stdout) {
            var store = storeFile(gateway, "import");
            JobTransfer.Format f = input.format();
            long start = System.nanoTime();
            long n;
            try {
                var check = JobImport.check(input.file, f, CliContext.reference(), store, x -> { },
                        () -> false);
                input.reportBadRows(stdout, check.bad(), check.badCount());
                if (dryRun) {
                    stdout.printf(Locale.ROOT, "would import %d jobs into %s%s; nothing changed (--dry-run)%n",
                            check.good(), store.path(), check.badCount() > 0 ? " (" + check.badCount()
                                    + " bad row(s) left out)" : "");
                    return;
                }
                n = JobImport.run(input.file, f, CliContext.reference(), store, check, x -> { },
                        () -> false);
            } catch (IOException | UncheckedIOException e) {
                throw new CliContext.CliUsageException("cannot read " + input.file + ": " + e.getMessage());
            }
            printRate(stdout, "Imported %d jobs into %s", n, store.path(), start);
        }
    }

    /** The store file a bulk command fills; a remote target is a usage error. */
    private static BulkJobStore storeFile(JobGateway gateway, String command) {
        return gateway.capability(BulkJobStore.class).orElseThrow(() ->
                new CliContext.CliUsageException(command + " fills a store file; use --store, not --remote or --profile"));
    }

    /** "What n jobs where in 1.2 s (34567 rows/s)", timed from {@code startNanos}. */
    private static void printRate(PrintWriter out, String what, long n, Object where, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf(Locale.ROOT, what + " in %.1f s (%.0f rows/s)%n", n, where, seconds,
                n / Math.max(seconds, 1e-9));
    }

    static JobTransfer.Format format(String text) {
        try {
            return JobTransfer.Format.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliContext.CliUsageException("--format must be csv, json or xlsx (xlsx: export only)");
        }
    }
}
