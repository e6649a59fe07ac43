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
     * Runs {@code work} as one entry: every job the thread changes through this target's gateway inside it
     * is an item of the entry. Nested inside another record, it joins the outer entry. Returns the entry's
     * id, or empty when the work changed nothing.
     */
    Optional<Long> record(Mark mark, Runnable work);

    /** The entries the query asks for, newest first. */
    List<JournalEntry> entries(Query query);

    Optional<JournalEntry> entry(long id);

    /** An entry's items in the order they were made, from {@code offset}, at most {@code limit}. */
    List<JournalItem> items(long entry, int offset, int limit);

    /** The newest entry this OS user made that still stands (not undone, not itself an undo), if any. */
    Optional<JournalEntry> lastUndoable(String user);

    Retention retention();

    /** Keeps this retention (in the store file or the cache) and prunes by it. */
    void setRetention(Retention retention);

    /** Removes what the retention no longer keeps; returns how many entries went. */
    long prune();

    /** The OS user the journal names. */
    static String osUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "?" : user;
    }
}
