package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.JournalEntry;
import com.jobsconsole.model.JournalItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.Function;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The journal in a store file or a cache (schema 12). Its items are written by triggers this connection
 * makes for itself ({@code TEMP}: no other program's change is journaled) and that fire only while a
 * journaled write is under way ({@code journal_entry()}, a function of this connection) — in the write's own
 * statement, so the change and its item commit together or not at all. The entry's row is written by the
 * trigger with its first item (an action that changed nothing leaves none), so a single write is one
 * statement: no transaction of its own, and no statement journal (a temporary file for every write).
 */
public final class SqliteJournal implements JobJournal {

    /**
     * An entry being made: what it will say, and its id once its first item is written. Its fields are
     * read and written under the session's lock only (each journaled write holds it throughout).
     */
    private static final class Scope implements Recording {
        final Mark mark;
        final ThreadLocal<Scope> bound;
        volatile Long id;
        /** Whether the entry's row was written by the write now under way (gone again if it fails). */
        boolean rowInThisWrite;

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
    private final JournalGuids guids;
    private final JournalOutboxItems outboxItems;
    private final ThreadLocal<Scope> scope = new ThreadLocal<>();
    private volatile String target;
    /** The entry the journaled write now under the lock is making (null: none under way). */
    private volatile Scope active;

    SqliteJournal(SqliteSession session) {
        this.session = session;
        this.guids = new JournalGuids(session);
        this.reading = new JournalReading(session, guids);
        this.retention = new JournalRetention(session, guids);
        // the entry the write under way is making: none (no write), 0 (its row not written yet), or its id
        this.outboxItems = new JournalOutboxItems(session, () -> {
            Scope s = active;
            return s == null ? null : s.id == null ? 0L : s.id;
        });
        this.target = session.path().toString();
        session.call("journal", c -> {
            // the triggers ask Java which entry is being made (so nothing but the console's own journaled
            // writes is journaled), what its row says, and tell it the row's id once they wrote it
            Function.create(c, "journal_entry", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    Scope s = active;
                    if (s == null) {
                        result();
                    } else {
                        result(s.id == null ? 0 : s.id); // 0: its row is not written yet
                    }
                }
            });
            Function.create(c, "journal_mark", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    Scope s = active;
                    int field = value_int(0);
                    if (s != null && field == 6 && s.mark.undoes() != null) {
                        result(s.mark.undoes());
                        return;
                    }
                    String value = s == null ? null : switch (field) {
                        case 1 -> JobJson.formatTime(session.now());
                        case 2 -> JobJournal.osUser();
                        case 3 -> target;
                        case 4 -> s.mark.action().code();
                        case 5 -> s.mark.detail();
                        default -> null;
                    };
                    if (value == null) {
                        result();
                    } else {
                        result(value);
                    }
                }
            }, 1);
            Function.create(c, "journal_bind", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    Scope s = active;
                    if (s == null) {
                        result();
                        return;
                    }
                    if (s.id == null) { // the trigger has just written the entry's row: its id is the argument
                        s.id = value_long(0);
                        s.rowInThisWrite = true;
                    }
                    result(s.id);
                }
            }, 1);
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
     * Runs {@code work}, a single statement writing to this session's job table, journaled: as an item of the
     * thread's open entry, or of an entry of its own saying {@code implicit}. One statement is atomic with
     * what its triggers write, inside a caller's transaction or on its own, so no transaction is opened.
     */
    public <T> T oneStatement(Mark implicit, Supplier<T> work) {
        return journaled(implicit, false, work);
    }

    /**
     * Runs {@code work} (writes to this session's job table) in a transaction, journaled: as an item of the
     * thread's open entry, or of an entry of its own saying {@code implicit}.
     */
    public <T> T inTransaction(Mark implicit, Supplier<T> work) {
        return journaled(implicit, true, work);
    }

    private <T> T journaled(Mark implicit, boolean transaction, Supplier<T> work) {
        Scope open = scope.get();
        Scope s = open != null ? open : new Scope(implicit, scope);
        if (open == null) {
            scope.set(s); // for the work's own journal calls (outboxItems)
        }
        Object[] out = new Object[1];
        // the lock is held from the write's start until the entry's id is right again after it
        session.call("journal", lock -> {
            try {
                Runnable body = () -> {
                    active = s;
                    out[0] = work.get();
                    markUndone(s);
                };
                if (transaction) {
                    // inside a caller's transaction (an undo on a store) a savepoint, so a failed write takes
                    // its entry's row back with it as a transaction of its own would
                    boolean nested = session.transactionOpen();
                    session.inTransaction(() -> session.call("journal", c -> {
                        if (nested) {
                            session.execute("SAVEPOINT journaled_write");
                        }
                        try {
                            body.run();
                            if (nested) {
                                session.execute("RELEASE journaled_write");
                            }
                        } catch (SQLException | RuntimeException | Error e) {
                            if (nested) {
                                session.execute("ROLLBACK TO journaled_write");
                                session.execute("RELEASE journaled_write");
                            }
                            throw e;
                        }
                        return null;
                    }));
                } else {
                    body.run();
                }
            } catch (RuntimeException | Error e) {
                if (s.rowInThisWrite && !rowKept(s.id)) {
                    s.id = null; // the entry's row went with the failed statement or transaction
                }
                throw e;
            } finally {
                active = null;
                s.rowInThisWrite = false;
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

    /** An undo's entry, once its row is written, marks the entry it undoes (in the same transaction as the row's). */
    private void markUndone(Scope s) {
        if (s.rowInThisWrite && s.mark.undoes() != null) {
            session.call("journal", c -> {
                PreparedStatement undone = session.statement(
                        "UPDATE journal SET undone_by = ? WHERE id = ? AND undone_by IS NOT ?");
                undone.setLong(1, s.id);
                undone.setLong(2, s.mark.undoes());
                undone.setLong(3, s.id);
                undone.executeUpdate();
                return null;
            });
        }
    }

    /** Whether the entry's row is there after a failure (work that failed after its statement committed). */
    private boolean rowKept(long id) {
        try {
            PreparedStatement ps = session.statement("SELECT 1 FROM journal WHERE id = ?");
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Inside a transaction the caller opened itself (a bulk insert): journals its writes when the thread has
     * an entry open ({@link #record}), and says whether it does. Call under the lock; then {@link #ended}.
     */
    boolean beginIfRecording() {
        Scope s = scope.get();
        if (s == null) {
            return false;
        }
        active = s;
        return true;
    }

    /** Before the caller's transaction that {@link #beginIfRecording} began commits. */
    void end() {
        Scope s = scope.get();
        if (s != null) {
            markUndone(s);
        }
    }

    /** After the caller's transaction committed or rolled back ({@code committed} false). */
    void ended(boolean committed) {
        active = null;
        Scope s = scope.get();
        if (s != null) {
            if (!committed && s.rowInThisWrite) {
                s.id = null;
            }
            s.rowInThisWrite = false;
        }
    }

    /** What a remote profile's cache journals by hand: its outbox's links, items no cache row shows, writes not made. */
    public JournalOutboxItems outboxItems() {
        return outboxItems;
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
