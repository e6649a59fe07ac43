package com.jobsconsole.cli;

import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.gateway.ResolutionPreview;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.Map;

/** {@code job outbox|sync|refresh}: a remote target's waiting writes, their replay, and re-reading its cache. */
final class RemoteJobCommands {

    /** How many jobs a sync or refresh works on at once. */
    static final int CONCURRENCY = 4;

    private RemoteJobCommands() {
    }

    static RemoteSync remote(JobGateway gateway, String command) {
        return gateway.capability(RemoteSync.class).orElseThrow(() -> new CliContext.CliUsageException(
                "job " + command + " works on an orchestrator's cache: use --remote or --profile"));
    }

    @Command(name = "outbox", mixinStandardHelpOptions = true,
            description = "List the writes waiting to be sent to the orchestrator and the conflicts waiting for a decision.")
    static final class Outbox extends JobCommand.RemoteAction {
        @Option(names = "--json", description = "Print JSON (one object per waiting write).")
        boolean json;

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            List<OutboxEntry> entries = remote(gateway, "outbox").outbox();
            Messages messages = CliContext.messages();
            if (json) {
                out.println(JobJson.writeValue(entries.stream().map(e -> asMap(e, messages)).toList()));
                return;
            }
            if (entries.isEmpty()) {
                out.println("Nothing waits to be sent to " + target.name() + ".");
                return;
            }
            for (OutboxEntry e : entries) {
                out.printf(Locale.ROOT, "%-10s %s  %-26s %s%n", e.state(), e.guid(), change(e),
                        e.problem().isEmpty() ? "" : messages.get(e.problemKey(), e.problemArgs()));
            }
            long conflicts = entries.stream().filter(e -> e.state() == OutboxEntry.State.CONFLICT).count();
            long unverified = entries.stream().filter(e -> e.state() == OutboxEntry.State.UNVERIFIED).count();
            out.printf(Locale.ROOT, "%d waiting, %s%d in conflict%s%n", entries.size() - conflicts - unverified,
                    unverified > 0 ? unverified + " sent but unverified (the next sync settles them), " : "", conflicts,
                    conflicts > 0 ? " (decide with: job sync --resolve GUID --mine|--theirs|--discard)" : "");
        }

        private static Map<String, Object> asMap(OutboxEntry e, Messages messages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("guid", e.guid().toString());
            m.put("op", e.op().name().toLowerCase(Locale.ROOT));
            m.put("state", e.state().name().toLowerCase(Locale.ROOT));
            m.put("status", e.status());
            m.put("base_status", e.baseStatus());
            m.put("their_status", e.theirStatus());
            m.put("queued_at", JobJson.DATE_TIME.format(e.queuedAt()));
            m.put("attempts", e.attempts());
            m.put("problem", e.problem().isEmpty() ? null : messages.get(e.problemKey(), e.problemArgs()));
            if (e.draft() != null) {
                m.put("type", e.draft().type());
                m.put("source", e.draft().source().wire());
                m.put("process_version_id", e.draft().processVersionId());
                m.put("robot_id", e.draft().robotId());
            }
            return m;
        }
    }

    /** "create (status 1)", "update 4 -> 5", "delete". */
    static String change(OutboxEntry e) {
        return switch (e.op()) {
            case CREATE -> "create (status " + e.status() + ")";
            case UPDATE -> "update " + (e.baseStatus() == null ? "?" : e.baseStatus()) + " -> " + e.status()
                    + (e.theirStatus() != null ? " (theirs " + e.theirStatus() + ")" : "");
            case DELETE -> "delete";
        };
    }

    private static String label(Messages messages, ReferenceData reference, Integer status) {
        return status == null ? "\u2014" : messages.label(reference, status);
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Send the waiting writes to the orchestrator, in the order written.",
                "Exit 0 when everything was sent; 7 whenever conflicts wait for a decision (listed on stderr;",
                "--resolve); 5 when the orchestrator did not answer (the rest stays queued); 4 when the key is",
                "refused; 8 when another replay of the same cache is running (nothing was sent)."})
    static final class Sync extends JobCommand.RemoteAction {
        @Option(names = "--resolve", paramLabel = "GUID", description = "Decide the job's conflict (with one of the three below), then sync.")
        String resolve;
        @ArgGroup(exclusive = true)
        Decision decision;
        @Option(names = "--clear-gone", description = "Also remove from the cache the jobs the orchestrator no longer has.")
        boolean clearGone;
        @Option(names = "--dry-run", description = "With --resolve: print what the decision would change; decide and send nothing.")
        boolean dryRun;

        static final class Decision {
            @Option(names = "--mine", description = "Send my change over what the orchestrator has now.")
            boolean mine;
            @Option(names = "--theirs", description = "Drop my waiting changes to the job; take the orchestrator's copy.")
            boolean theirs;
            @Option(names = "--discard", description = "Drop only the conflicting change.")
            boolean discard;

            RemoteSync.Resolution resolution() {
                return mine ? RemoteSync.Resolution.MINE : theirs ? RemoteSync.Resolution.THEIRS
                        : RemoteSync.Resolution.DISCARD;
            }
        }

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            RemoteSync remote = remote(gateway, "sync");
            if ((resolve == null) != (decision == null)) {
                throw new CliContext.CliUsageException("--resolve GUID goes with one of --mine, --theirs, --discard");
            }
            if (dryRun && resolve == null) {
                throw new CliContext.CliUsageException("--dry-run goes with --resolve");
            }
            if (resolve != null && dryRun) {
                UUID guid = Guids.parse(resolve);
                ResolutionPreview p = ResolutionPreview.of(remote.outbox().stream().filter(e -> e.guid().equals(guid))
                        .toList(), decision.resolution());
                Messages messages = CliContext.messages();
                ReferenceData reference = CliContext.reference();
                out.printf(Locale.ROOT, "would decide %s for %s: %s \u2192 %s %s%s; nothing changed (--dry-run)%n", guid,
                        p.resolution().name().toLowerCase(Locale.ROOT), label(messages, reference, p.from()),
                        label(messages, reference, p.to()), p.resolution() == RemoteSync.Resolution.MINE
                                ? "on the orchestrator" : "in the console",
                        p.dropped() > 0 ? ", dropping " + p.dropped() + " waiting change(s)" : "");
                return;
            }
            if (resolve != null) {
                remote.resolve(Guids.parse(resolve), decision.resolution());
            }
            PrintWriter err = spec.commandLine().getErr();
            RemoteSync.SyncReport r = remote.sync(CONCURRENCY, progressLine(err, "sent"), () -> false);
            endProgress(err);
            out.printf(Locale.ROOT, "Sent %d write(s) to %s; %d waiting, %d in conflict.%n", r.sent(), target.name(),
                    r.waiting() - r.conflicts(), r.conflicts());
            if (clearGone) {
                out.printf(Locale.ROOT, "Removed %d gone job(s) from the cache.%n", remote.clearGone());
            }
            exit = exitOf(r, remote.outbox(), err);
        }

        /**
         * 4 when the key was refused; 7 whenever conflicts remain (each on stderr, with what waits behind
         * it); 5 when writes wait because the orchestrator did not answer; 0 when nothing waits.
         */
        static int exitOf(RemoteSync.SyncReport r, List<OutboxEntry> left, PrintWriter err) {
            Messages messages = CliContext.messages();
            int code = CliContext.OK;
            if (r.problem() instanceof NotAuthorizedException) {
                err.println("job sync: " + CliContext.describe(r.problem()));
                code = CliContext.NOT_AUTHORIZED;
            } else if (r.conflicts() > 0) {
                for (OutboxEntry e : left) {
                    if (e.state() == OutboxEntry.State.CONFLICT) {
                        long behind = left.stream().filter(o -> o.guid().equals(e.guid()) && o.id() > e.id()).count();
                        err.println("conflict: " + e.guid() + "  " + change(e) + ": "
                                + messages.get(e.problemKey(), e.problemArgs())
                                + (behind > 0 ? " (" + behind + " later change(s) wait behind it)" : ""));
                    }
                }
                err.println("  decide with: job sync --resolve GUID --mine|--theirs|--discard");
                code = CliContext.CONFLICT;
            } else if (r.waiting() > 0) {
                err.println("job sync: " + (r.problem() != null ? CliContext.describe(r.problem())
                        : r.waiting() + " write(s) still wait (the orchestrator did not settle them); run job sync again"));
                code = r.problem() != null ? CliContext.exitCode(r.problem()) : CliContext.UNAVAILABLE;
            }
            err.flush();
            return code;
        }
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Send the waiting writes, then read every job in the cache again from the orchestrator.")
    static final class Refresh extends JobCommand.RemoteAction {
        @Override
        void run(JobGateway gateway, PrintWriter out) {
            PrintWriter err = spec.commandLine().getErr();
            RemoteSync.RefreshReport r = remote(gateway, "refresh").refresh(CONCURRENCY, progressLine(err, "read"),
                    () -> false);
            endProgress(err);
            out.printf(Locale.ROOT, "Read %d of %d job(s); %d gone from the orchestrator (kept, marked); %d failed%s.%n",
                    r.refreshed(), r.total(), r.gone(), r.failed().size(),
                    r.skipped() > 0 ? "; " + r.skipped() + " not asked for: the orchestrator stopped answering" : "");
            r.failed().entrySet().stream().limit(5).forEach(e ->
                    err.println("  " + e.getKey() + ": " + CliContext.describe(e.getValue())));
            err.flush();
            if (!r.failed().isEmpty() || r.skipped() > 0) {
                exit = CliContext.UNAVAILABLE;
            }
        }
    }

    /**
     * A progress line on stderr: on a terminal one line rewritten at each per cent; into a file or a
     * pipe a line at each tenth (so a log does not fill up with carriage returns).
     */
    static RemoteSync.Progress progressLine(PrintWriter err, String verb) {
        boolean terminal = System.console() != null;
        int step = terminal ? 1 : 10;
        int[] shown = {-1};
        return (done, total) -> {
            int percent = total == 0 ? 100 : (int) (100L * done / total);
            synchronized (shown) {
                if (percent / step != shown[0] / step || (done == total && shown[0] != 100)) {
                    shown[0] = percent;
                    err.printf(Locale.ROOT, terminal ? "\r%s %d of %d (%d %%)" : "%s %d of %d (%d %%)%n", verb, done,
                            total, percent);
                    err.flush();
                }
            }
        };
    }

    static void endProgress(PrintWriter err) {
        if (System.console() != null) {
            err.println();
            err.flush();
        }
    }
}
