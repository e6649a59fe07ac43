package com.jobsconsole.cli;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.gateway.ConflictException;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.JobFields;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.gateway.StaleCopyException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.json.LenientTimes;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.transfer.JobImport;
import com.jobsconsole.transfer.JobTransfer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code job create|read|update|delete|list}: the Job API from a shell, on any target. */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = "Create, read, update, delete and list jobs in a store or on an orchestrator.",
        subcommands = {JobCommand.Create.class, JobCommand.Read.class, JobCommand.Update.class,
            JobCommand.Delete.class, JobCommand.ListJobs.class, JobCommand.Seed.class, JobCommand.Export.class,
            JobCommand.Import.class, RemoteJobCommands.Outbox.class, RemoteJobCommands.Sync.class,
            RemoteJobCommands.Refresh.class},
        footer = {"", "Exit codes: 0 done, 2 invalid input, 3 not found, 4 not authorized, 5 unavailable,",
            "7 a conflict waits for a decision (remote targets), 1 anything else."})
public final class JobCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CliContext.INVALID_INPUT;
    }

    /** Opens the target, runs the action, prints errors as one line, returns the exit code. */
    abstract static class Action implements Callable<Integer> {
        @Mixin
        TargetOptions target;
        @Spec
        CommandLine.Model.CommandSpec spec;

        /** The exit code when {@link #run} returns normally (a command may say otherwise). */
        int exit = CliContext.OK;

        abstract void run(JobGateway gateway, PrintWriter out);

        /** Checks the command's own arguments before any target is opened (bad input first). */
        void check() {
        }

        /** Whether the command works only on an orchestrator's cache ({@code --remote}, {@code --profile}). */
        boolean remoteOnly() {
            return false;
        }

        /** Whether the command writes jobs (then it may start a store on a missing or empty file). */
        boolean writes() {
            return false;
        }

        /** A write's {@code --queue}: keep it for later when the orchestrator cannot take it now. */
        boolean queue() {
            return false;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            RemoteJobGateway.describeProcess(spec.qualifiedName().replaceFirst("^\\S+ ", ""));
            try {
                check();
                if (remoteOnly() && target.isLocal()) {
                    throw new CliContext.CliUsageException(spec.qualifiedName().replaceFirst("^\\S+ ", "")
                            + " works on an orchestrator's cache: use --remote or --profile");
                }
            } catch (RuntimeException e) {
                err.println(spec.qualifiedName() + ": " + CliContext.describe(e));
                err.flush();
                return CliContext.exitCode(e);
            }
            try (JobGateway gateway = target.open(writes())) {
                Optional<RemoteSync> remote = gateway.capability(RemoteSync.class);
                if (queue() && remote.isEmpty()) {
                    throw new CliContext.CliUsageException("--queue goes with --remote or --profile");
                }
                remote.ifPresent(r -> r.queueWrites(queue()));
                int waitingBefore = remote.map(RemoteSync::waiting).orElse(0);
                run(gateway, out);
                out.flush();
                if (queue() && remote.get().waiting() > waitingBefore) {
                    err.println("queued: " + remote.get().waiting() + " waiting for " + target.name()
                            + " (job sync sends them)");
                    err.flush();
                }
                return exit;
            } catch (RuntimeException e) {
                err.println(spec.qualifiedName() + ": " + CliContext.describe(e));
                if (e instanceof ConflictException) {
                    err.println("  (it waits in the outbox: job outbox lists it; decide with "
                            + "job sync --resolve GUID --mine|--theirs|--discard)");
                }
                err.flush();
                return CliContext.exitCode(e);
            }
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a job and print it as JSON.")
    static final class Create extends WriteAction {
        @Option(names = "--guid", description = "GUID of the new job (default: a fresh random one).")
        String guid;
        @Option(names = "--type", description = "Type code (default: the reference data's Orchestrated, 1).")
        Integer type;
        @Option(names = "--status", description = "Status code (default: the reference data's Pending, 1).")
        Integer status;
        @Option(names = "--source", description = "GUI, Trigger or API (default API).")
        String source;
        @Option(names = "--process-version", required = true, description = "Process version id.")
        long processVersion;
        @Option(names = "--robot", required = true, description = "Robot id.")
        long robot;
        @Option(names = "--account", description = "Account id.")
        Long account;
        @Option(names = "--schedule", description = "Schedule id.")
        Long schedule;
        @Option(names = "--task", description = "Task id.")
        Long task;
        @Option(names = "--stop-after", paramLabel = "TIME", description = "yyyy-MM-dd HH:mm:ss (or ISO-8601).")
        String stopAfter;
        @Option(names = "--abort-after", paramLabel = "TIME", description = "yyyy-MM-dd HH:mm:ss (or ISO-8601).")
        String abortAfter;

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            UUID g = guid == null ? UUID.randomUUID() : Guids.parse(guid);
            JobFields fields = new JobFields(CliContext.reference(), ZoneId.systemDefault());
            JobSource src;
            try {
                src = fields.sourceOrDefault(source);
            } catch (JobFields.FieldException e) {
                throw new InvalidInputException("error.server.badSource", e.printableText());
            }
            JobDraft d = new JobDraft(g, status == null ? fields.defaultStatus() : status,
                    type == null ? fields.defaultType() : type, src, processVersion, robot, account, schedule, task,
                    time("--stop-after", stopAfter), time("--abort-after", abortAfter));
            out.println(JobJson.write(gateway.create(d)));
        }
    }

    /** create, update and delete: the writes, which {@code --queue} can keep for later. */
    abstract static class WriteAction extends Action {
        @Option(names = "--queue", description = "On a remote target: when the orchestrator cannot take the change "
                + "now, keep it in the outbox (exit 0, 'queued: N waiting' on stderr) for job sync, instead of failing "
                + "with exit 5.")
        boolean queue;

        @Override
        boolean queue() {
            return queue;
        }

        @Override
        boolean writes() {
            return true;
        }
    }

    static LocalDateTime time(String option, String text) {
        if (text == null) {
            return null;
        }
        return LenientTimes.parse(text, ZoneId.systemDefault()).orElseThrow(() ->
                new InvalidInputException("error.server.notTime", option, Guids.printable(text)));
    }

    @Command(name = "read", mixinStandardHelpOptions = true, description = "Print a job as JSON.")
    static final class Read extends Action {
        @Parameters(paramLabel = "GUID")
        String guid;
        @Option(names = "--online", description = "On a remote target, fail (exit 5) when the orchestrator does not "
                + "answer, rather than print the copy kept in the cache (marked stale on stderr).")
        boolean online;

        @Override
        void check() {
            Guids.parse(guid);
        }

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            try {
                out.println(JobJson.write(gateway.read(Guids.parse(guid))));
            } catch (StaleCopyException e) {
                if (online) {
                    throw (UnavailableException) e.getCause();
                }
                out.println(JobJson.write(e.cached()));
                PrintWriter err = spec.commandLine().getErr();
                err.println("job read: stale: " + CliContext.describe(e));
                err.flush();
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Set a job's status; prints nothing on success.")
    static final class Update extends WriteAction {
        @Parameters(paramLabel = "GUID")
        String guid;
        @Option(names = "--status", required = true, description = "The new status code.")
        int status;

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            gateway.updateStatus(Guids.parse(guid), status);
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a job; prints nothing on success.")
    static final class Delete extends WriteAction {
        @Parameters(paramLabel = "GUID")
        String guid;

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            gateway.delete(Guids.parse(guid));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print jobs as a JSON array, newest first. On a remote target: the jobs this console has seen.")
    static final class ListJobs extends Action {
        @Option(names = "--status", split = ",", description = "Only these status codes (repeat or comma-separate).")
        Set<Integer> statuses;
        @Option(names = "--type", split = ",", description = "Only these type codes.")
        Set<Integer> types;
        @Option(names = "--guid-prefix", description = "Only GUIDs that start with this.")
        String prefix;
        @Option(names = "--limit", defaultValue = "100", description = "At most this many (default 100, at most 10000).")
        int limit;
        @Option(names = "--offset", defaultValue = "0", description = "Skip this many first.")
        int offset;

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            if (limit < 0 || limit > JobQuery.MAX_LIMIT || offset < 0) {
                throw new CliContext.CliUsageException("--limit must be 0 to " + JobQuery.MAX_LIMIT
                        + " and --offset not negative");
            }
            JobQuery q = new JobQuery(statuses, types, Set.of(), prefix, JobSort.CREATED_AT, false, limit, offset);
            out.println(JobJson.write(gateway.page(q)));
        }
    }

    @Command(name = "seed", mixinStandardHelpOptions = true,
            description = "Fill a store with realistic demo jobs (all in one transaction) and print the rate.")
    static final class Seed extends Action {
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
            printRate(out, "Seeded %d jobs into %s", n, store.path(), start);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the jobs (optionally filtered) to a CSV, JSON or XLSX file, with the API's field names.")
    static final class Export extends Action {
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
    static final class Import extends Action {
        @Override
        boolean writes() {
            return true;
        }

        @Parameters(paramLabel = "FILE")
        Path file;
        @Option(names = "--format", description = "csv or json (default: from the file name).")
        String format;
        @Option(names = "--skip-bad", description = "Import the good rows even when some rows are bad.")
        boolean skipBad;

        @Override
        void run(JobGateway gateway, PrintWriter stdout) {
            var store = storeFile(gateway, "import");
            JobTransfer.Format f = format != null ? format(format)
                    : JobTransfer.Format.of(file);
            if (f == JobTransfer.Format.XLSX) {
                throw new CliContext.CliUsageException("import reads csv or json");
            }
            Messages messages = new Messages(Locale.ENGLISH);
            long start = System.nanoTime();
            long n;
            try {
                var check = JobImport.check(file, f, CliContext.reference(), store, x -> { },
                        () -> false);
                for (var bad : check.bad()) {
                    stdout.printf("line %d: %s%n", bad.line(), bad.text(messages));
                }
                if (check.badCount() > check.bad().size()) {
                    stdout.printf("... and %d more bad row(s)%n", check.badCount() - check.bad().size());
                }
                if (check.badCount() > 0 && !skipBad) {
                    throw new CliContext.CliUsageException(check.badCount() + " bad row(s); nothing was imported "
                            + "(fix them, or use --skip-bad)");
                }
                n = JobImport.run(file, f, CliContext.reference(), store, check, x -> { },
                        () -> false);
            } catch (IOException | UncheckedIOException e) {
                throw new CliContext.CliUsageException("cannot read " + file + ": " + e.getMessage());
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

    /** For tests: a function that maps environment variable names to values. */
    static void setEnvironment(Function<String, String> env) {
        CliContext.env = env;
    }
}
