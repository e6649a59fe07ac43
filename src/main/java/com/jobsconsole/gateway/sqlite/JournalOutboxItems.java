package com.jobsconsole.gateway.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a remote profile's cache journals by hand, inside the transaction that records a write in its outbox
 * ({@code OutboxSync}, {@code OutboxDecisions}): the link from the entry's items to the outbox write, an item for a
 * change no cache row shows (a job the cache has no copy of, a conflict decided for mine), and the mark on the
 * items of a write the orchestrator did not take after all. Each is written as the journal's triggers write
 * theirs (an entry's first item in its own row, the later ones in {@code journal_item}; schema 14).
 */
public final class JournalOutboxItems {

    private final SqliteSession session;
    /** The entry the journaled write under way is making: null (no write), 0 (its row not written yet), its id. */
    private final Supplier<Long> entryUnderWay;

    JournalOutboxItems(SqliteSession session, Supplier<Long> entryUnderWay) {
        this.session = session;
        this.entryUnderWay = entryUnderWay;
    }

    /** The items the open transaction wrote are the effect of this outbox write. */
    public void linkOutbox(long outboxId) {
        session.call("journal", c -> {
            Long entry = entryUnderWay.get();
            if (entry == null || entry == 0) {
                return null; // no item yet: nothing to link
            }
            // the entry's items not yet linked: those of this transaction (each earlier one linked its own)
            inBoth("UPDATE journal SET outbox = ? WHERE id = ? AND guid IS NOT NULL AND outbox IS NULL",
                    "UPDATE journal_item SET outbox = ? WHERE entry = ? AND outbox IS NULL", outboxId, entry);
            return null;
        });
    }

    /**
     * A write the open transaction records without changing the job's row (a job the cache has no copy of): its
     * item says the status it sets, from a status nobody here knew.
     */
    public void addUnknownBefore(UUID guid, int status) {
        addItem(guid, null, status);
    }

    /**
     * A status change the open transaction records that the cache's row does not show (a conflict decided for
     * mine: the orchestrator's status, {@code before}, is overwritten by mine).
     */
    public void addItem(UUID guid, Integer before, int after) {
        session.call("journal", c -> {
            writeItem(guid, "json_object('status', ?)", "json_object('status', ?)", before, after);
            return null;
        });
    }

    /** A delete the open transaction records of a job the cache has no copy of. */
    public void addUnknownDelete(UUID guid) {
        session.call("journal", c -> {
            writeItem(guid, "json_object('status', NULL)", "NULL");
            return null;
        });
    }

    /** The outbox write's effect did not happen after all (refused, discarded): its items say why. */
    public void unmade(long outboxId, String why) {
        session.call("journal", c -> {
            inBoth("UPDATE journal SET unmade = ? WHERE outbox = ?",
                    "UPDATE journal_item SET unmade = ? WHERE outbox = ?", why, outboxId);
            return null;
        });
    }

    /** The same change to an entry's first item (in its row) and to its later ones (in journal_item). */
    private void inBoth(String entryRow, String items, Object first, Object second) throws SQLException {
        for (String sql : List.of(entryRow, items)) {
            PreparedStatement ps = session.statement(sql);
            ps.setObject(1, first);
            ps.setObject(2, second);
            ps.executeUpdate();
        }
    }

    /**
     * An item written from here rather than by a trigger, by the triggers' own statements
     * ({@link JournalTriggers#item}). {@code before} and {@code after} are SQL expressions; {@code params} are
     * bound after the GUID. Call under the session's lock, with a journaled write under way.
     */
    private void writeItem(UUID guid, String before, String after, Object... params) throws SQLException {
        if (entryUnderWay.get() == null) {
            throw new IllegalStateException("a journal item outside a journaled write");
        }
        JournalTriggers.Item item = JournalTriggers.item("?", before, after);
        for (String sql : List.of(item.toItems(), item.toEntry())) { // one of the two writes it
            PreparedStatement ps = session.statement(sql);
            ps.setString(1, guid.toString());
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 2, params[i]);
            }
            ps.executeUpdate();
        }
        session.statement(item.hour()).executeUpdate();
        try (ResultSet rs = session.statement(item.bind()).executeQuery()) {
            rs.next(); // binds the new row's id, if the entry's row was written
        }
    }
}
