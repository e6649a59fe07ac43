package com.jobsconsole.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jobsconsole.gateway.JobAttention;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.StuckFixes;
import com.jobsconsole.i18n.AttentionTexts;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.AttentionRule;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.Overview;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.model.StuckJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;


import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code job stuck} and {@code job overview}: what needs attention, for scripts and monitoring (issue 21). */
final class AttentionCommands {

    /** {@code job stuck --check}: some job is stuck (not an error: a finding a scheduler can alert on). */
    static final int STUCK_FOUND = 10;

    private AttentionCommands() {
    }

    static JobAttention attention(JobGateway gateway) {
        return gateway.capability(JobAttention.class).orElseThrow(() -> new CliContext.CliUsageException(
                "this target cannot find stuck jobs"));
    }

    @Command(name = "stuck", mixinStandardHelpOptions = true,
            description = {"List the jobs stuck by the attention rules (the store's or profile's thresholds), "
                    + "under the first rule that matches each.",
                "Rules: stop-ignored, abort-hung, never-taken, never-queued, past-stop-time, past-abort-time, running-long."},
            footer = {"", "Exit codes: as job's; with --check, " + STUCK_FOUND + " when any job is stuck and 0 when none is."})
    static final class Stuck extends JobCommand.Action {
        @Option(names = "--json", description = "Print a JSON array: guid, status, rule, since, stuck_seconds, reason, "
                + "suggested_fix (null: review it), robot and process.")
        boolean json;
        @Option(names = "--rule", split = ",", paramLabel = "RULE", description = "Only these rules (repeat or comma-separate).")
        List<String> rules = new ArrayList<>();
        @Option(names = "--check", description = "Exit " + STUCK_FOUND + " when any job is stuck, 0 when none is.")
        boolean check;
        @Option(names = "--fix", description = "Apply the suggested fixes (a job changed meanwhile is not touched), "
                + "printing each change.")
        boolean fix;
        @Option(names = "--dry-run", description = "With --fix: print the changes and make none.")
        boolean dryRun;

        private Set<AttentionRule> chosen;

        @Override
        void check() {
            chosen = rules(rules);
            if (dryRun && !fix) {
                throw new CliContext.CliUsageException("--dry-run goes with --fix");
            }
            if (check && fix) {
                throw new CliContext.CliUsageException("--check and --fix do not go together");
            }
        }

        @Override
        boolean writes() {
            return fix && !dryRun;
        }

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            JobAttention attention = attention(gateway);
            ReferenceData reference = CliContext.reference();
            Messages messages = CliContext.messages();
            AttentionTexts texts = new AttentionTexts(messages, reference);
            LocalDateTime now = attention.now();
            List<StuckJob> stuck = attention.stuck(attention.rules()).stream()
                    .filter(s -> chosen.isEmpty() || chosen.contains(s.rule())).toList();
            Names names = JobCommand.names(gateway);
            if (fix) {
                fix(gateway, stuck, out, messages, reference);
                return;
            }
            if (json) {
                ArrayNode array = JobJson.mapper().createArrayNode();
                for (StuckJob s : stuck) {
                    array.add(node(s, texts, names, now));
                }
                out.println(JobJson.writeValue(array));
            } else {
                for (StuckJob s : stuck) {
                    out.println(s.job().guid() + "  " + texts.name(s.rule()) + "  " + texts.reason(s, now) + "  \u2192 "
                            + texts.fix(s.rule()) + robotAndProcess(s, names));
                }
                out.println(stuck.size() + " stuck");
            }
            if (check && !stuck.isEmpty()) {
                exit = STUCK_FOUND;
            }
        }

        private void fix(JobGateway gateway, List<StuckJob> stuck, PrintWriter out, Messages messages,
                         ReferenceData reference) {
            List<StuckJob> fixable = StuckFixes.fixable(stuck);
            if (dryRun) {
                for (StuckJob s : fixable) {
                    out.println("would set " + s.job().guid() + ": " + messages.label(reference, s.job().status())
                            + " \u2192 " + messages.label(reference, s.fix().orElseThrow())
                            + " (" + s.rule().key() + ")");
                }
                out.println(fixable.size() + " would change; nothing changed (--dry-run)");
                return;
            }
            List<StuckFixes.Result> results = StuckFixes.apply(gateway, stuck, () -> false, r -> {
                String change = r.stuck().job().guid() + ": " + messages.label(reference, r.stuck().job().status())
                        + " \u2192 " + messages.label(reference, r.to());
                out.println(switch (r.outcome()) {
                    case FIXED -> "set " + change;
                    case CHANGED_MEANWHILE -> "not touched " + change + " (it changed meanwhile)";
                    case CONFLICT -> "conflict " + change + ": " + CliContext.describe(r.failure())
                            + " (job sync --resolve decides)";
                    case FAILED -> "failed " + change + ": " + CliContext.describe(r.failure());
                });
                out.flush();
            });
            long fixed = results.stream().filter(r -> r.outcome() == StuckFixes.Outcome.FIXED).count();
            long conflicts = results.stream().filter(r -> r.outcome() == StuckFixes.Outcome.CONFLICT).count();
            long failed = results.stream().filter(r -> r.outcome() == StuckFixes.Outcome.FAILED).count();
            out.println(fixed + " fixed, " + (results.size() - fixed - conflicts - failed) + " changed meanwhile, "
                    + conflicts + " in conflict, " + failed + " failed; " + (stuck.size() - fixable.size()) + " to review");
            results.stream().filter(r -> r.outcome() == StuckFixes.Outcome.FAILED
                    || r.outcome() == StuckFixes.Outcome.CONFLICT).findFirst()
                    .ifPresent(r -> exit = CliContext.exitCode(r.failure()));
        }
    }

    private static String robotAndProcess(StuckJob s, Names names) {
        String robot = names.robot(s.job().robotId());
        String process = names.processVersion(s.job().processVersionId());
        return robot.isEmpty() && process.isEmpty() ? "" : "  (" + robot + ", " + process + ")";
    }

    private static ObjectNode node(StuckJob s, AttentionTexts texts, Names names, LocalDateTime now) {
        ObjectNode n = JobJson.mapper().createObjectNode();
        n.put("guid", s.job().guid().toString());
        n.put("status", s.job().status());
        n.put("rule", s.rule().key());
        n.put("since", JobJson.formatTime(s.since()));
        n.put("since_from_history", s.fromHistory());
        n.put("stuck_seconds", s.stuckFor().getSeconds());
        n.put("reason", texts.reason(s, now));
        if (s.fix().isPresent()) {
            ObjectNode fix = n.putObject("suggested_fix");
            fix.put("status", s.fix().get());
            fix.put("action", texts.fix(s.rule()));
        } else {
            n.putNull("suggested_fix");
        }
        putId(n, "robot_id", s.job().robotId());
        names.name(DirectoryKind.ROBOT, s.job().robotId()).ifPresent(r -> n.put("robot_name", r));
        putId(n, "process_version_id", s.job().processVersionId());
        names.name(DirectoryKind.PROCESS_VERSION, s.job().processVersionId())
                .ifPresent(p -> n.put("process_name", p));
        return n;
    }

    private static void putId(ObjectNode n, String field, Long id) {
        if (id == null) {
            n.putNull(field);
        } else {
            n.put(field, id);
        }
    }

    /** The rules named on the command line; a name that is none is bad input. */
    static Set<AttentionRule> rules(List<String> keys) {
        Set<AttentionRule> out = EnumSet.noneOf(AttentionRule.class);
        for (String k : keys) {
            out.add(AttentionRule.byKey(k).orElseThrow(() -> new CliContext.CliUsageException("no rule named \""
                    + k + "\": stop-ignored, abort-hung, never-taken, never-queued, past-stop-time, past-abort-time, "
                    + "running-long")));
        }
        return out;
    }

    @Command(name = "overview", mixinStandardHelpOptions = true,
            description = "Print what runs and waits now, how many are stuck, and what finished in the last hours: "
                    + "per status, the processes that failed most, the busiest robots, per hour. On a remote target: "
                    + "the jobs this console knows.")
    static final class OverviewCommand extends JobCommand.Action {
        @Option(names = "--since", defaultValue = "24h", description = "The window: 1h, 24h, 7d, 90m … (default 24h).")
        String since;
        @Option(names = "--json", description = "Print it as JSON.")
        boolean json;

        private Duration window;

        @Override
        void check() {
            window = parseWindow(since);
        }

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            JobAttention attention = attention(gateway);
            LocalDateTime now = attention.now();
            Overview o = attention.overview(now.minus(window), now.plusSeconds(1));
            int stuck = attention.scan(attention.rules(), 0).total(); // counted, none read whole
            Names names = JobCommand.names(gateway);
            if (json) {
                ObjectNode n = JobJson.mapper().createObjectNode();
                n.put("from", JobJson.formatTime(o.from()));
                n.put("to", JobJson.formatTime(now));
                n.put("running", o.nowWith(8));
                n.put("pending", o.nowWith(1));
                n.put("stuck", stuck);
                n.put("finished", o.finishedTotal());
                n.put("succeeded", o.finishedWith(4));
                n.put("failed", o.finishedWith(5));
                n.put("stopped", o.finishedWith(7));
                n.put("aborted", o.finishedWith(3));
                ArrayNode processes = n.putArray("failure_rate_per_process");
                for (Overview.ProcessFailures p : o.processes()) {
                    ObjectNode pn = processes.addObject();
                    pn.put("process_version_id", p.processVersionId());
                    names.name(DirectoryKind.PROCESS_VERSION, p.processVersionId())
                            .ifPresent(x -> pn.put("process_name", x));
                    pn.put("finished", p.finished());
                    pn.put("failed", p.failed());
                    pn.put("rate", Math.round(p.rate() * 1000) / 1000.0);
                }
                ArrayNode robots = n.putArray("busiest_robots");
                for (Overview.RobotLoad r : o.robots()) {
                    ObjectNode rn = robots.addObject();
                    rn.put("robot_id", r.robotId());
                    names.name(DirectoryKind.ROBOT, r.robotId()).ifPresent(x -> rn.put("robot_name", x));
                    rn.put("started", r.started());
                }
                ArrayNode hours = n.putArray("per_hour");
                for (Overview.Hour h : o.hours()) {
                    ObjectNode hn = hours.addObject();
                    hn.put("hour", h.hour());
                    hn.put("finished", h.finished());
                    hn.put("failed", h.failed());
                }
                out.println(JobJson.writeValue(n));
                return;
            }
            out.println("from " + JobJson.formatTime(o.from()) + " to " + JobJson.formatTime(now));
            out.println("running now " + o.nowWith(8) + ", pending now " + o.nowWith(1) + ", stuck now " + stuck);
            out.println("finished " + o.finishedTotal() + ": succeeded " + o.finishedWith(4) + ", failed "
                    + o.finishedWith(5) + ", stopped " + o.finishedWith(7) + ", aborted " + o.finishedWith(3));
            out.println("failure rate per process:");
            for (Overview.ProcessFailures p : o.processes()) {
                out.println(String.format(Locale.ROOT, "  %-30s %3.0f%%  %d of %d", names.processVersion(p.processVersionId()),
                        p.rate() * 100, p.failed(), p.finished()));
            }
            out.println("busiest robots:");
            for (Overview.RobotLoad r : o.robots()) {
                out.println(String.format(Locale.ROOT, "  %-30s %d started", names.robot(r.robotId()), r.started()));
            }
        }
    }

    private static final Pattern WINDOW = Pattern.compile("(\\d{1,5})\\s*([mhd])");

    /** "90m", "24h", "7d": at most a year; anything else is bad input. */
    static Duration parseWindow(String text) {
        Matcher m = WINDOW.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CliContext.CliUsageException("--since must be a number and m, h or d (90m, 24h, 7d): " + text);
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (n == 0 || d.compareTo(Duration.ofDays(366)) > 0) {
            throw new CliContext.CliUsageException("--since must be more than 0 and at most 366d: " + text);
        }
        return d;
    }
}
