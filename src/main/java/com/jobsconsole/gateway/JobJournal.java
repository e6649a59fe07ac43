package com.jobsconsole.gateway;

import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.JournalEntry;
import com.jobsconsole.model.JournalItem;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The journal of the console's own changes on a target (a store file, or a remote profile's cache beside
 * its outbox): every job write made through the target's gateway is journaled in the write's own
 * transaction, so a change without its entry cannot exist, nor an entry without its change. A write made
 * outside {@link #record} is an entry of its own; inside, every write of the thread joins one entry (a bulk
 * action, an import, an undo). A target without a journal does not offer it ({@link JobGateway#capability}).
 */
public interface JobJournal {

    /** What an entry says of itself; {@code undoes}: the entry an undo undoes. */
    record Mark(JournalAction action, String detail, Long undoes) {

        public static Mark of(JournalAction action, String detail) {
            return new Mark(action, detail, null);
        }
    }

    /** Which entries to list, newest first; null fields do not filter. */
    record Query(LocalDateTime since, LocalDateTime until, JournalAction action, UUID guid, int limit) {

        public static Query latest(int limit) {
            return new Query(null, null, null, null, limit);
        }
    }

    /** How much history is kept: entries older than {@code days} or beyond the newest {@code entries} go. */
    record Retention(int days, long entries) {

        public static final Retention DEFAULT = new Retention(90, 1_000_000);

        public Retention {
            if (days < 1 || entries < 1) {
                throw new InvalidInputException("journal.retention.invalid");
            }
        }
    }

    /**
     * One entry being made: work run {@link #within} it, on any thread (a bulk action's pool), is its items.
     * Nothing is written until the first job changes; an entry that changed nothing leaves no trace.
     */
    interface Recording {

        /** Runs {@code work} on this thread as part of the entry (inside another entry: as part of that one). */
        void within(Runnable work);

        /** The entry's id once something changed. */
        Optional<Long> entry();
    }

    /** Starts an entry that says {@code mark}; its work is run {@link Recording#within} it. */
    Recording start(Mark mark);

    /**
     * Runs {@code work} as one entry: every job the thread changes through this target's gateway inside it
     * is an item of the entry. Nested inside another record, it joins the outer entry. Returns the entry's
     * id, or empty when the work changed nothing.
     */
    default Optional<Long> record(Mark mark, Runnable work) {
        Recording r = start(mark);
        r.within(work);
        return r.entry();
    }

    /** The entries the query asks for, newest first. */
    List<JournalEntry> entries(Query query);

    Optional<JournalEntry> entry(long id);

    /** An entry's items in the order they were made, from {@code offset}, at most {@code limit}. */
    List<JournalItem> items(long entry, int offset, int limit);

    /** The newest entry this OS user made that still stands (not undone, not itself an undo), if any. */
    Optional<JournalEntry> lastUndoable(String user);

    /**
     * The newest undo this OS user made that a redo would take back: nothing newer stands but other undos
     * and redos (a new change since ends what can be redone).
     */
    Optional<JournalEntry> lastRedoable(String user);

    Retention retention();

    /** Keeps this retention (in the store file or the cache) and prunes by it. */
    void setRetention(Retention retention);

    /** Removes what the retention no longer keeps; returns how many entries went. */
    long prune();

    /** {@link #record} on {@code gateway}'s journal; a target without one just runs the work. */
    static Optional<Long> record(JobGateway gateway, Mark mark, Runnable work) {
        Optional<JobJournal> journal = gateway.capability(JobJournal.class);
        if (journal.isEmpty()) {
            work.run();
            return Optional.empty();
        }
        return journal.get().record(mark, work);
    }

    /** The OS user the journal names. */
    static String osUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "?" : user;
    }
}
