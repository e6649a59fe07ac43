package com.jobsconsole.gateway;

import com.jobsconsole.gateway.JobJournal.Mark;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.JournalEntry;
import com.jobsconsole.model.JournalItem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Undoes a journal entry as one new entry: every change it made is taken back through the target's own
 * gateway (on a remote profile a new write through the outbox, with its rules), in the reverse order.
 * A job that changed since is a conflict, reported and left as it is — never overwritten. Undoing an undo
 * is a redo.
 */
public final class JournalUndo {

    /** Why one job's change was not taken back. */
    public record Problem(UUID guid, String messageKey, Object... args) {
    }

    /**
     * @param entry    the undo's own entry (empty when nothing was changed)
     * @param undone   how many changes were taken back
     * @param problems the changes left as they are, and why
     */
    public record Result(Optional<Long> entry, int undone, List<Problem> problems) {
    }

    private static final int PAGE = 10_000;

    private final JobGateway gateway;
    private final JobJournal journal;

    /** @throws InvalidInputException when the target keeps no journal */
    public JournalUndo(JobGateway gateway) {
        this.gateway = gateway;
        this.journal = gateway.capability(JobJournal.class)
                .orElseThrow(() -> new InvalidInputException("journal.none"));
    }

    /** The entry {@code id}, checked: it exists and still stands. */
    public JournalEntry standing(long id) {
        JournalEntry e = journal.entry(id).orElseThrow(() -> new NotFoundException("journal.entry.notFound", id));
        if (e.undone()) {
            throw new InvalidInputException("journal.entry.undone", id, e.undoneBy());
        }
        return e;
    }

    /** Every change of the entry, in the order made. */
    public List<JournalItem> items(long id) {
        List<JournalItem> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<JournalItem> page = journal.items(id, offset, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    /** Undoes entry {@code id} (redoes it when it is an undo). */
    public Result undo(long id) {
        JournalEntry entry = standing(id);
        List<JournalItem> items = items(id);
        Collections.reverse(items);
        List<Problem> problems = new ArrayList<>();
        int[] undone = {0};
        // what the entry says: "#12" (an undo of entry 12) or "redo #12" (an undo of an undo of 12)
        String detail = entry.action() == JournalAction.UNDO && entry.undoes() != null
                ? JournalEntry.REDO + "#" + entry.undoes() : "#" + id;
        // on a store, one transaction (one commit, all or nothing); remotely, write by write through the outbox
        Optional<Transactional> store = gateway.capability(Transactional.class);
        Optional<Long> made = journal.record(new Mark(JournalAction.UNDO, detail, id), () -> store.ifPresentOrElse(
                s -> s.inTransaction(() -> takeBackAll(items, problems, undone)),
                () -> takeBackAll(items, problems, undone)));
        return new Result(made, undone[0], problems);
    }

    private void takeBackAll(List<JournalItem> items, List<Problem> problems, int[] undone) {
        for (JournalItem item : items) {
            if (!item.made()) {
                continue;
            }
            try {
                Optional<Problem> problem = takeBack(item);
                if (problem.isPresent()) {
                    problems.add(problem.get());
                } else {
                    undone[0]++;
                }
            } catch (GatewayException e) {
                problems.add(new Problem(item.guid(), e.messageKey(), e.args()));
            }
        }
    }

    private Optional<Problem> takeBack(JournalItem item) {
        UUID guid = item.guid();
        if (item.created()) {
            Optional<Job> now = gateway.find(guid);
            if (now.isEmpty()) {
                return Optional.of(new Problem(guid, "journal.undo.gone", guid));
            }
            if (now.get().status() != item.after().status()) {
                return Optional.of(new Problem(guid, "journal.undo.changed", guid));
            }
            gateway.delete(guid);
            return Optional.empty();
        }
        if (item.removed()) {
            if (item.deleted() == null) {
                return Optional.of(new Problem(guid, "journal.undo.unknown", guid));
            }
            if (gateway.find(guid).isPresent()) {
                return Optional.of(new Problem(guid, "journal.undo.exists", guid));
            }
            recreate(item);
            return Optional.empty();
        }
        if (item.statusChanged()) {
            if (item.before().status() == null) {
                return Optional.of(new Problem(guid, "journal.undo.unknown", guid));
            }
            try {
                if (!gateway.updateStatusFrom(guid, item.after().status(), item.before().status())) {
                    return Optional.of(new Problem(guid, "journal.undo.changed", guid));
                }
            } catch (NotFoundException e) {
                return Optional.of(new Problem(guid, "journal.undo.gone", guid));
            }
        }
        if (item.stopTimesChanged()) {
            BulkJobStore store = gateway.capability(BulkJobStore.class)
                    .orElseThrow(() -> new InvalidInputException("journal.undo.noMaintenance"));
            Optional<Job> now = gateway.find(guid);
            if (now.isEmpty()) {
                return Optional.of(new Problem(guid, "journal.undo.gone", guid));
            }
            JournalItem.State current = new JournalItem.State(now.get().status(), now.get().stopAfter(),
                    now.get().abortAfter());
            if (!current.sameStopTimes(item.after())) {
                return Optional.of(new Problem(guid, "journal.undo.changed", guid));
            }
            store.setStopTimes(guid, item.before().stopAfter(), item.before().abortAfter());
        }
        return Optional.empty();
    }

    /** A deleted job back: on a store whole (every field and time, its history); elsewhere through create. */
    private void recreate(JournalItem item) {
        Job j = item.deleted();
        Optional<BulkJobStore> store = gateway.capability(BulkJobStore.class);
        if (store.isPresent()) {
            Iterator<Job> one = List.of(j).iterator();
            store.get().insertAll(one, n -> { }, () -> false);
            store.get().restoreHistory(j.guid(), item.history());
            return;
        }
        gateway.create(new JobDraft(j.guid(), j.status(), j.type(), j.source(), j.processVersionId(), j.robotId(),
                j.accountId(), j.scheduleId(), j.taskId(), j.stopAfter(), j.abortAfter()));
    }
}
