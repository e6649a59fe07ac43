package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.JournalEntry;
import com.jobsconsole.model.JournalItem;

import com.jobsconsole.gateway.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.Function;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The journal in a store file or a cache (schema 12). Its items are written by triggers this connection
 * makes for itself ({@code TEMP}: no other program's change is journaled) and that fire only while a
 * journaled write is under way ({@code journal_entry()}, a function of this connection) — in the write's own transaction, so the change and its
 * item commit together or not at all. The entry's row is written with its first item (an action that
 * changed nothing leaves none).
 */
public final class SqliteJournal implements JobJournal {

    /**
     * An entry being made: what it will say, and its id once its first item is written. Its fields are
     * read and written under the session's lock only (each journaled transaction holds it throughout).
     */
    private static final class Scope implements Recording {
        final Mark mark;
        final ThreadLocal<Scope> bound;
        volatile Long id;
        /** Whether the entry's row was written in the transaction now open (gone again if it rolls back). */
        boolean rowInThisTransaction;

        Scope(Mark mark, ThreadLocal<Scope> bound) {
            this.mark = mark;
            this.bound = bound;
        }

        @Override
        public void within(Runnable work) {
            Scope outer = bound.get();
            if (outer != null) {
                work.run(); // inside another entry on this thread: part of it
                return;
            }
            bound.set(this);
            try {
                work.run();
            } finally {
                bound.remove();
            }
        }

        @Override
        public Optional<Long> entry() {
            return Optional.ofNullable(id);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SqliteJournal.class);

    private final SqliteSession session;
    private final JournalReading reading;
    private final JournalRetention retention;
    private final ThreadLocal<Scope> scope = new ThreadLocal<>();
    private volatile String target;
    /** The entry the journaled write now under the lock is making (what {@code journal_entry()} answers). */
    private volatile Long current;

    SqliteJournal(SqliteSession session) {
        this.session = session;
        this.reading = new JournalReading(session);
        this.retention = new JournalRetention(session);
        this.target = session.path().toString();
        session.call("journal", c -> {
            // journal_entry(): the triggers ask Java which entry is being made, so nothing but the console's
            // own journaled writes is journaled (no table to set and clear around each write)
            Function.create(c, "journal_entry", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    Long entry = current;
                    if (entry == null) {
                        result();
                    } else {
                        result(entry);
                    }
                }
            });
            JournalTriggers.create(c);
            return null;
        });
    }

    /** How entries name the target (a profile's orchestrator rather than its cache file). */
    public void describeTarget(String name) {
        this.target = name;
    }

    @Override
    public Recording start(Mark mark) {
        return new Scope(mark, scope);
    }

    /**
     * Runs {@code work} (writes to this session's job table) in a transaction, journaled: as an item of the
     * thread's open entry, or of an entry of its own saying {@code implicit}.
     */
    public <T> T inTransaction(Mark implicit, Supplier<T> work) {
        Scope open = scope.get();
        Scope s = open != null ? open : new Scope(implicit, scope);
        if (open == null) {
            scope.set(s); // for the work's own journal calls (linkOutbox, addItem)
        }
        Object[] out = new Object[1];
        // the lock is held from the transaction's start until its entry's id is right again after it
        session.call("journal", lock -> {
            try {
                session.inTransaction(() -> session.call("journal", c -> {
                    // a savepoint: inside a caller's transaction (an undo on a store) a failed write takes its
                    // entry's row back with it, as a transaction of its own would
                    try (Statement st = c.createStatement()) {
                        st.execute("SAVEPOINT journaled_write");
                        try {
                            begin(c, s);
                            out[0] = work.get();
                            finish(s);
                            st.execute("RELEASE journaled_write");
                        } catch (SQLException | RuntimeException | Error e) {
                            st.execute("ROLLBACK TO journaled_write");
                            st.execute("RELEASE journaled_write");
                            throw e;
                        }
                    }
                    return null;
                }));
            } catch (RuntimeException | Error e) {
                if (s.rowInThisTransaction) {
                    s.id = null; // the entry's row went with the transaction
                }
                throw e;
            } finally {
                current = null;
                s.rowInThisTransaction = false;
                if (open == null) {
                    scope.remove();
                }
            }
            return null;
        });
        @SuppressWarnings("unchecked")
        T result = (T) out[0];
        return result;
    }

    /**
     * Inside a transaction the caller opened itself (a bulk insert): journals its writes when the thread has
     * an entry open ({@link #record}), and says whether it does. Call under the lock; then {@link #ended}.
     */
    boolean beginIfRecording(Connection c) throws SQLException {
        Scope s = scope.get();
        if (s == null) {
            return false;
        }
        begin(c, s);
        return true;
    }

    /** Ends what {@link #beginIfRecording} began, before the caller's transaction commits. */
    void end() throws SQLException {
        Scope s = scope.get();
        if (s != null) {
            finish(s);
        }
    }

    /** After the caller's transaction committed or rolled back ({@code committed} false). */
    void ended(boolean committed) {
        current = null;
        Scope s = scope.get();
        if (s != null) {
            if (!committed && s.rowInThisTransaction) {
                s.id = null;
            }
            s.rowInThisTransaction = false;
        }
    }

    /**
     * The transaction's journaling ends: an entry whose row it wrote and that has no item (the write changed
     * nothing) is taken out again — an entry without a change cannot exist.
     */
    private void finish(Scope s) throws SQLException {
        current = null;
        if (s.rowInThisTransaction) {
            PreparedStatement any = session.statement("SELECT EXISTS (SELECT 1 FROM journal_item WHERE entry = ?)");
            any.setLong(1, s.id);
            boolean changed;
            try (ResultSet rs = any.executeQuery()) {
                changed = rs.next() && rs.getBoolean(1);
            }
            if (!changed) {
                if (s.mark.undoes() != null) { // by its key: the journal is never scanned for it
                    PreparedStatement undone = session.statement(
                            "UPDATE journal SET undone_by = NULL WHERE id = ? AND undone_by = ?");
                    undone.setLong(1, s.mark.undoes());
                    undone.setLong(2, s.id);
                    undone.executeUpdate();
                }
                PreparedStatement drop = session.statement("DELETE FROM journal WHERE id = ?");
                drop.setLong(1, s.id);
                drop.executeUpdate();
                s.id = null;
                s.rowInThisTransaction = false;
            }
        }
    }

    private void begin(Connection c, Scope s) throws SQLException {
        if (s.id == null) {
            PreparedStatement insert = session.statement(
                    "INSERT INTO journal (at, os_user, target, action, detail, undoes) VALUES (?, ?, ?, ?, ?, ?)");
            insert.setString(1, JobJson.formatTime(session.now()));
            insert.setString(2, JobJournal.osUser());
            insert.setString(3, target);
            insert.setString(4, s.mark.action().code());
            insert.setString(5, s.mark.detail());
            if (s.mark.undoes() == null) {
                insert.setNull(6, java.sql.Types.INTEGER);
            } else {
                insert.setLong(6, s.mark.undoes());
            }
            insert.executeUpdate();
            s.id = lastRowId(c);
            s.rowInThisTransaction = true;
            if (s.mark.undoes() != null) {
                PreparedStatement undone = session.statement("UPDATE journal SET undone_by = ? WHERE id = ?");
                undone.setLong(1, s.id);
                undone.setLong(2, s.mark.undoes());
                undone.executeUpdate();
            }
        }
        current = s.id; // the triggers journal into it until finish
    }

    /** The items the open transaction wrote are the effect of this outbox write (a remote target's). */
    public void linkOutbox(long outboxId) {
        session.call("journal", c -> {
            // the entry's items not yet linked: those of this transaction (each earlier one linked its own)
            PreparedStatement ps = session.statement(
                    "UPDATE journal_item SET outbox = ? WHERE entry = ? AND outbox IS NULL");
            ps.setLong(1, outboxId);
            ps.setObject(2, current);
            ps.executeUpdate();
            return null;
        });
    }

    /**
     * A write the open transaction records without changing the job's row (a remote job the cache has no
     * copy of): its item says the status it sets, from a status nobody here knew.
     */
    public void addUnknownBefore(UUID guid, int status) {
        addItem(guid, null, status);
    }

    /**
     * A status change the open transaction records that the cache's row does not show (a conflict decided
     * for mine: the orchestrator's status, {@code before}, is overwritten by mine).
     */
    public void addItem(UUID guid, Integer before, int after) {
        session.call("journal", c -> {
            PreparedStatement ps = session.statement("INSERT INTO journal_item (entry, guid, before, after) "
                    + "VALUES (?, ?, json_object('status', ?), json_object('status', ?))");
            ps.setLong(1, open());
            ps.setString(2, guid.toString());
            ps.setObject(3, before);
            ps.setInt(4, after);
            ps.executeUpdate();
            return null;
        });
    }

    /** A delete the open transaction records of a remote job the cache has no copy of. */
    public void addUnknownDelete(UUID guid) {
        session.call("journal", c -> {
            PreparedStatement ps = session.statement("INSERT INTO journal_item (entry, guid, before, after) "
                    + "VALUES (?, ?, json_object('status', NULL), NULL)");
            ps.setLong(1, open());
            ps.setString(2, guid.toString());
            ps.executeUpdate();
            return null;
        });
    }

    /** The entry being made; call inside a journaled transaction. */
    private long open() {
        Long entry = current;
        if (entry == null) {
            throw new IllegalStateException("a journal item outside a journaled write");
        }
        return entry;
    }

    /** The outbox write's effect did not happen after all (refused, discarded): its items say why. */
    public void unmade(long outboxId, String why) {
        session.call("journal", c -> {
            PreparedStatement ps = session.statement("UPDATE journal_item SET unmade = ? WHERE outbox = ?");
            ps.setString(1, why);
            ps.setLong(2, outboxId);
            ps.executeUpdate();
            return null;
        });
    }

    private static long lastRowId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- reading and keeping it bounded: JournalReading, JournalRetention ---------------------------

    @Override
    public List<JournalEntry> entries(Query q) {
        return reading.entries(q);
    }

    @Override
    public Optional<JournalEntry> entry(long id) {
        return reading.entry(id);
    }

    @Override
    public Optional<JournalEntry> lastUndoable(String user) {
        return reading.lastUndoable(user);
    }

    @Override
    public Optional<JournalEntry> lastRedoable(String user) {
        return reading.lastRedoable(user);
    }

    @Override
    public List<JournalItem> items(long entry, int offset, int limit) {
        return reading.items(entry, offset, limit);
    }

    @Override
    public Retention retention() {
        return retention.retention();
    }

    @Override
    public void setRetention(Retention r) {
        retention.setRetention(r);
    }

    @Override
    public long prune() {
        return retention.prune();
    }

    /** {@link #prune} when a store is opened: a store another program is writing is pruned next time. */
    void pruneUnlessBusy() {
        try {
            retention.prune();
        } catch (UnavailableException e) {
            LOG.info("journal not pruned now: {}", e.getMessage());
        }
    }
}
