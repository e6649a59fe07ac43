package com.jobsconsole.cli;

import com.jobsconsole.gateway.ConflictException;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobFields;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.JobRules;
import com.jobsconsole.gateway.ReadOnlyException;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.StaleCopyException;
import com.jobsconsole.gateway.TargetMarks;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.json.LenientTimes;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code job create|read|update|delete|list}: the Job API from a shell, on any target. */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = "Create, read, update, delete and list jobs in a store or on an orchestrator.",
        subcommands = {JobCommand.Create.class, JobCommand.Read.class, JobCommand.Update.class,
            JobCommand.Delete.class, JobCommand.ListJobs.class, StoreJobCommands.Seed.class,
            StoreJobCommands.Export.class, StoreJobCommands.Import.class, RemoteJobCommands.Outbox.class, RemoteJobCommands.Sync.class,
            RemoteJobCommands.Refresh.class, AttentionCommands.Stuck.class, AttentionCommands.OverviewCommand.class,
            JournalCommands.Journal.class, JournalCommands.UndoCommand.class, WatchCommand.class},
        footer = {"", "Exit codes: 0 done, 2 invalid input, 3 not found, 4 not authorized, 5 unavailable,",
            "7 a conflict waits for a decision (remote targets) or job undo left a changed job, 8 another replay of the same cache runs,",
            "6 a read-only profile refused a write, 10 job stuck --check found stuck jobs, 1 anything else."})
public final class JobCommand extends CommandGroup {

    /** The names the target's directory gives the ids jobs carry (none when it keeps no directory). */
    static Names names(JobGateway gateway) {
        return gateway.capability(JobDirectory.class).map(JobDirectory::names).orElse(Names.NONE);
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
                // a command that writes is refused on a read-only target before it starts, whatever it finds
                gateway.capability(TargetMarks.class).filter(m -> m.readOnly() && writes()).ifPresent(m -> {
                    throw new ReadOnlyException(m.name());
                });
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

    /** A command that works only on an orchestrator's cache ({@code --remote}, {@code --profile}). */
    abstract static class RemoteAction extends Action {
        @Override
        boolean remoteOnly() {
            return true;
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

    @Command(name = "read", mixinStandardHelpOptions = true, description = {"Print a job as JSON.",
        "With - instead of a GUID: every GUID in the text on standard input (mail, log lines, CSV, JSON; any case, "
                + "braces or hyphens or none), printed as a JSON array; those not found are named on stderr (exit 3)."})
    static final class Read extends Action {
        @Parameters(paramLabel = "GUID|-")
        String guid;
        @Option(names = "--online", description = "On a remote target, fail (exit 5) when the orchestrator does not "
                + "answer, rather than print the copy kept in the cache (marked stale on stderr).")
        boolean online;

        @Override
        void check() {
            if (!"-".equals(guid)) {
                Guids.parse(guid);
            }
        }

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            if ("-".equals(guid)) {
                exit = readAllFound(gateway, out, spec.commandLine().getErr());
                return;
            }
            try {
                out.println(JobJson.write(gateway.read(Guids.parse(guid)), names(gateway)));
            } catch (StaleCopyException e) {
                if (online) {
                    throw (UnavailableException) e.getCause();
                }
                out.println(JobJson.write(e.cached(), names(gateway)));
                PrintWriter err = spec.commandLine().getErr();
                err.println("job read: stale: " + CliContext.describe(e));
                err.flush();
            }
        }
    }

    /** {@code job read -}: the jobs of every GUID in standard input's text, those not found named on stderr. */
    private static int readAllFound(JobGateway gateway, PrintWriter out, PrintWriter err) {
        Set<UUID> guids = CliContext.guidsIn("-");
        List<Job> found = new ArrayList<>();
        int missing = 0;
        for (UUID g : guids) {
            Optional<Job> job = gateway.find(g);
            if (job.isPresent()) {
                found.add(job.get());
            } else {
                err.println("job read: not found: " + g);
                missing++;
            }
        }
        out.println(JobJson.write(found, names(gateway)));
        err.flush();
        return missing == 0 ? CliContext.OK : CliContext.NOT_FOUND;
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Set a job's status; prints nothing on success.")
    static final class Update extends WriteAction {
        @Parameters(paramLabel = "GUID")
        String guid;
        @Option(names = "--status", required = true, description = "The new status code.")
        int status;
        @Option(names = "--dry-run", description = "Print the change (from → to) and make none.")
        boolean dryRun;

        @Override
        boolean writes() {
            return !dryRun;
        }

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            UUID g = Guids.parse(guid);
            if (dryRun) {
                ReferenceData reference = CliContext.reference();
                JobRules.checkStatus(status, reference);
                Messages messages = CliContext.messages();
                out.println("would set " + g + ": " + messages.label(reference, gateway.read(g).status()) + " \u2192 "
                        + messages.label(reference, status) + "; nothing changed (--dry-run)");
                return;
            }
            gateway.updateStatus(g, status);
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a job; prints nothing on success.")
    static final class Delete extends WriteAction {
        @Parameters(paramLabel = "GUID")
        String guid;
        @Option(names = "--dry-run", description = "Print the job that would be deleted and delete nothing.")
        boolean dryRun;

        @Override
        boolean writes() {
            return !dryRun;
        }

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            UUID g = Guids.parse(guid);
            if (dryRun) {
                out.println("would delete " + g + " (" + CliContext.messages().label(CliContext.reference(),
                        gateway.read(g).status()) + "); nothing changed (--dry-run)");
                return;
            }
            gateway.delete(g);
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
            out.println(JobJson.write(gateway.page(q), names(gateway)));
        }
    }

    /** For tests: a function that maps environment variable names to values. */
    static void setEnvironment(Function<String, String> env) {
        CliContext.env = env;
    }
}
