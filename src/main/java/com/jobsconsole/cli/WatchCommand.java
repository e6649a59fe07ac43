package com.jobsconsole.cli;

import com.jobsconsole.gateway.GuidReads;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code job watch FILE|-} (issue 23): the jobs of every GUID in a text — a file, or standard input — followed:
 * each one's status now, then a line whenever one changes or is deleted. On a store each look is one query;
 * on a remote target the jobs are read from the orchestrator a few at a time ({@link GuidReads}), the cache's
 * copy standing in while it does not answer.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, description = {
    "Follow jobs: every GUID in the text of FILE or of standard input (-) (mail, log lines, CSV, JSON; any case, "
            + "braces or hyphens or none; at most 10000).",
    "Prints each job's status now, then a line whenever one changes or is deleted, until Ctrl+C (or --once, "
            + "--until-final). GUIDs not found are named on stderr; none found: exit 3."})
final class WatchCommand extends JobCommand.Action {

    static final int MAX_GUIDS = JobQuery.MAX_LIMIT;

    @Parameters(paramLabel = "FILE|-")
    String source;
    @Option(names = "--interval", defaultValue = "2", description = "Seconds between looks (0.1 to 3600; default 2).")
    double interval;
    @Option(names = "--once", description = "Print the statuses now and stop.")
    boolean once;
    @Option(names = "--until-final", description = "Stop when every watched job is in a final status or deleted.")
    boolean untilFinal;

    @Override
    void check() {
        if (!(interval >= 0.1 && interval <= 3600)) {
            throw new CliContext.CliUsageException("--interval must be 0.1 to 3600 seconds");
        }
    }

    @Override
    void run(JobGateway gateway, PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        Set<UUID> found = CliContext.guidsIn(source);
        Set<UUID> guids = new LinkedHashSet<>(found.stream().limit(MAX_GUIDS).toList());
        if (found.size() > guids.size()) {
            err.println("job watch: " + (found.size() - guids.size()) + " GUIDs beyond the first " + MAX_GUIDS
                    + " are not watched");
        }
        ReferenceData reference = CliContext.reference();
        boolean remote = gateway.capability(RemoteSync.class).isPresent();
        Map<UUID, Job> seen = look(gateway, guids, remote, err);
        for (UUID g : guids) {
            if (!seen.containsKey(g)) {
                err.println("job watch: not found: " + g);
            }
        }
        err.flush();
        if (seen.isEmpty()) {
            exit = CliContext.NOT_FOUND;
            return;
        }
        Set<UUID> watched = new LinkedHashSet<>(seen.keySet());
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        for (UUID g : guids) {
            if (seen.containsKey(g)) {
                out.println(JobJson.formatTime(now) + "  " + g + "  " + status(reference, seen.get(g).status()));
            }
        }
        out.flush();
        while (!once && !(untilFinal && allFinal(reference, seen, watched))) {
            try {
                Thread.sleep((long) (interval * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Map<UUID, Job> next = look(gateway, watched, remote, err);
            now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
            for (UUID g : watched) {
                Job was = seen.get(g);
                Job is = next.get(g);
                if (was != null && is == null) {
                    out.println(JobJson.formatTime(now) + "  " + g + "  deleted");
                    seen.remove(g);
                } else if (was != null && is.status() != was.status()) {
                    out.println(JobJson.formatTime(now) + "  " + g + "  " + status(reference, was.status()) + " -> "
                            + status(reference, is.status()));
                    seen.put(g, is);
                }
            }
            out.flush();
            watched.retainAll(seen.keySet());
        }
    }

    /** The watched jobs as the target has them now (on a remote target: as the orchestrator says, if it answers). */
    private static Map<UUID, Job> look(JobGateway gateway, Set<UUID> guids, boolean remote, PrintWriter err) {
        Map<UUID, Job> jobs = new HashMap<>();
        if (remote) {
            GuidReads.Result r = GuidReads.read(gateway, guids, GuidReads.PARALLEL, () -> false, done -> { });
            jobs.putAll(r.found());
            if (r.left().isEmpty()) {
                return jobs;
            }
            err.println("job watch: the orchestrator does not answer; " + r.left().size() + " shown as the cache has them");
            err.flush();
            jobs.putAll(kept(gateway, r.left()));
            return jobs;
        }
        return kept(gateway, guids);
    }

    /** The jobs of {@code guids} as the target keeps them (a store's rows, a remote target's cache): one query. */
    private static Map<UUID, Job> kept(JobGateway gateway, Set<UUID> guids) {
        Map<UUID, Job> jobs = new HashMap<>();
        for (Job j : gateway.page(JobQuery.all().withScope(JobQuery.Scope.jobs(guids)).page(MAX_GUIDS, 0))) {
            jobs.put(j.guid(), j);
        }
        return jobs;
    }

    private static boolean allFinal(ReferenceData reference, Map<UUID, Job> seen, Set<UUID> watched) {
        return watched.stream().allMatch(g -> !seen.containsKey(g)
                || reference.status(seen.get(g).status()).map(JobStatus::isFinal).orElse(false));
    }

    private static String status(ReferenceData reference, int code) {
        return code + " " + reference.status(code).map(s -> s.name().get(Locale.ENGLISH)).orElse("?");
    }
}
