package com.jobsconsole.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jobsconsole.gateway.ConflictException;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.JournalUndo;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.json.LenientTimes;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.JournalEntry;
import com.jobsconsole.model.JournalItem;
import com.jobsconsole.model.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** {@code job journal} and {@code job undo}: what the console changed, by whom, and taking it back (issue 22). */
final class JournalCommands {

    private JournalCommands() {
    }

    static JobJournal journal(JobGateway gateway) {
        return gateway.capability(JobJournal.class).orElseThrow(() -> new CliContext.CliUsageException(
                "this target keeps no journal"));
    }

    @Command(name = "journal", mixinStandardHelpOptions = true,
            description = {"List the changes the console made on the target, newest first: when, the OS user, "
                    + "the action, how many jobs; with --guid or --entry, each job's before and after.",
                "The journal keeps 90 days or 1,000,000 entries by default (--keep-days, --keep-entries)."})
    static final class Journal extends JobCommand.Action {
        @Option(names = "--json", description = "Print JSON: the entries, each with its items when --items is given.")
        boolean json;
        @Option(names = "--since", paramLabel = "TIME", description = "Only entries from this time on "
                + "(yyyy-MM-dd[ HH:mm[:ss]], local time).")
        String since;
        @Option(names = "--guid", paramLabel = "GUID", description = "Only entries that changed this job.")
        String guid;
        @Option(names = "--action", paramLabel = "ACTION", description = "Only this action: create, status, delete, "
                + "maintenance, bulk-status, bulk-stop, bulk-abort, bulk-delete, bulk-maintenance, import, "
                + "attention-fix, undo.")
        String action;
        @Option(names = "--entry", paramLabel = "N", description = "Only entry N, with every job it changed.")
        Long entry;
        @Option(names = "--items", description = "With each entry, the jobs it changed (before → after).")
        boolean items;
        @Option(names = "--limit", paramLabel = "N", description = "At most N entries (default 100).")
        int limit = 100;
        @Option(names = "--keep-days", paramLabel = "DAYS", description = "Keep the journal this many days (then prune).")
        Integer keepDays;
        @Option(names = "--keep-entries", paramLabel = "N", description = "Keep at most N entries (then prune).")
        Long keepEntries;

        private LocalDateTime from;
        private UUID job;
        private JournalAction only;

        @Override
        void check() {
            if (since != null) {
                from = LenientTimes.parse(since, ZoneId.systemDefault()).orElseThrow(() ->
                        new CliContext.CliUsageException("--since: not a time: " + since));
            }
            if (guid != null) {
                job = Guids.parse(guid);
            }
            if (action != null) {
                only = JournalAction.of(action).orElseThrow(() ->
                        new CliContext.CliUsageException("--action: no such action: " + action));
            }
            if (limit < 1) {
                throw new CliContext.CliUsageException("--limit must be at least 1");
            }
        }

        @Override
        boolean writes() {
            return keepDays != null || keepEntries != null; // a new retention prunes: not on a read-only target
        }

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            JobJournal journal = journal(gateway);
            if (keepDays != null || keepEntries != null) {
                JobJournal.Retention now = journal.retention();
                JobJournal.Retention r = new JobJournal.Retention(keepDays == null ? now.days() : keepDays,
                        keepEntries == null ? now.entries() : keepEntries);
                journal.setRetention(r);
                out.printf("keeping %d days, at most %d entries%n", r.days(), r.entries());
                return;
            }
            List<JournalEntry> entries = entry != null
                    ? journal.entry(entry).map(List::of).orElseThrow(() -> new NotFoundException(
                            "journal.entry.notFound", entry))
                    : journal.entries(new JobJournal.Query(from, null, only, job, limit));
            boolean withItems = items || entry != null;
            Messages messages = CliContext.messages();
            ReferenceData reference = CliContext.reference();
            if (json) {
                ArrayNode array = JobJson.mapper().createArrayNode();
                for (JournalEntry e : entries) {
                    ObjectNode n = array.addObject();
                    n.put("entry", e.id());
                    n.put("at", JobJson.formatTime(e.at()));
                    n.put("user", e.user());
                    n.put("target", e.target());
                    n.put("action", e.action().code());
                    n.put("detail", e.detail());
                    n.put("jobs", e.jobs());
                    n.put("undoes", e.undoes());
                    n.put("undone_by", e.undoneBy());
                    if (withItems) {
                        ArrayNode list = n.putArray("items");
                        for (JournalItem i : new JournalUndo(gateway).items(e.id())) {
                            ObjectNode o = list.addObject();
                            o.put("guid", i.guid().toString());
                            o.put("before", i.before() == null ? null : i.before().status());
                            o.put("after", i.after() == null ? null : i.after().status());
                            o.put("unmade", i.unmade() == null ? null : messages.get(i.unmade()));
                        }
                    }
                }
                out.println(JobJson.writeValue(array));
                return;
            }
            for (JournalEntry e : entries) {
                out.printf("#%d  %s  %s  %s%s  %d job(s)  %s%s%n", e.id(), JobJson.formatTime(e.at()), e.user(),
                        messages.get(e.redo() ? "journal.action.redo" : e.action().messageKey()),
                        e.detail() == null ? "" : " " + e.shownDetail(), e.jobs(), e.target(),
                        e.undone() ? "  (undone by #" + e.undoneBy() + ")" : "");
                if (withItems) {
                    for (JournalItem i : new JournalUndo(gateway).items(e.id())) {
                        out.printf("    %s  %s \u2192 %s%s%n", i.guid(), state(messages, reference, i.before()),
                                state(messages, reference, i.after()),
                                i.unmade() == null ? "" : "  (" + messages.get(i.unmade()) + ")");
                    }
                }
            }
        }

        private static String state(Messages messages, ReferenceData reference, JournalItem.State s) {
            if (s == null) {
                return "\u2014";
            }
            return s.status() == null ? "?" : messages.label(reference, s.status());
        }
    }

    @Command(name = "undo", mixinStandardHelpOptions = true,
            description = {"Undo a journal entry as one step: yours, newest first when no ENTRY is given. "
                    + "A job changed since is left as it is and reported (exit 7); undoing an undo redoes it.",
                "On a remote profile the undo is a new write through the outbox, with its rules."})
    static final class UndoCommand extends JobCommand.WriteAction {
        @Parameters(paramLabel = "ENTRY", arity = "0..1", description = "The entry's number (job journal).")
        Long entry;

        @Override
        void run(JobGateway gateway, PrintWriter out) {
            JobJournal journal = journal(gateway);
            long id = entry != null ? entry : journal.lastUndoable(JobJournal.osUser())
                    .orElseThrow(() -> new NotFoundException("journal.nothingToUndo")).id();
            JournalUndo undo = new JournalUndo(gateway);
            JournalEntry e = undo.standing(id);
            JournalUndo.Result r = undo.undo(id);
            Messages messages = CliContext.messages();
            out.printf("%s #%d (%s, %d job(s)): %d taken back%s%n", e.action() == JournalAction.UNDO ? "redid" : "undid",
                    id, messages.get(e.action().messageKey()), e.jobs(), r.undone(),
                    r.entry().map(n -> "; journal entry #" + n).orElse(""));
            for (JournalUndo.Problem p : r.problems()) {
                out.printf("  left as it is: %s: %s%n", p.guid(), messages.get(p.messageKey(), p.args()));
            }
            if (!r.problems().isEmpty()) {
                throw new ConflictException("journal.undo.conflicts", r.problems().size());
            }
        }
    }
}
