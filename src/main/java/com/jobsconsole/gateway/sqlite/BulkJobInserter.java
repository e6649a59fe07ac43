package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.model.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Many jobs into the store in one transaction (seed, import): 64 rows per statement, and for a big
 * insert into a small store the job table's indexes dropped first and built again at the end. All
 * or nothing: a duplicate GUID, a failure or a cancel undoes everything.
 */
final class BulkJobInserter {

    private static final Logger LOG = LoggerFactory.getLogger(BulkJobInserter.class);
    private static final int ROWS_PER_INSERT = 64;
    /** From this many expected rows (and at least as many as the store holds) the indexes are rebuilt. */
    private static final long REBUILD_FROM = 50_000;

    private final Connection connection;
    private final Path path;

    /** Journals the rows when the thread records an entry (an import); a seed or a benchmark is not. */
    private final SqliteJournal journal;

    /** Inside the caller's open transaction (an undo bringing a job back): a part of it, not one of its own. */
    private final boolean nested;

    BulkJobInserter(Connection connection, Path path, SqliteJournal journal, boolean nested) {
        this.connection = connection;
        this.path = path;
        this.journal = journal;
        this.nested = nested;
    }

    /** Call with the store's lock held. */
    long insertAll(Iterator<Job> jobs, long expected, LongConsumer progress, BooleanSupplier cancelled) {
        long n = 0;
        try (Statement st = connection.createStatement();
             PreparedStatement one = connection.prepareStatement(JobRowMapper.INSERT);
             PreparedStatement many = connection.prepareStatement(JobRowMapper.insertRows(ROWS_PER_INSERT))) {
            boolean bulk = !nested && expected >= REBUILD_FROM && expected >= rowCount(st);
            if (bulk) {
                // job_event's key refers to job(guid): with that index dropped, SQLite refuses any
                // insert into job while foreign keys are on. Only parents are written here, so no
                // reference can break; the pragma only takes effect outside a transaction.
                st.execute("PRAGMA foreign_keys = OFF");
            }
            // Into an empty store, a rollback journal writes each page once (the WAL writes it twice:
            // into the log, then back at the checkpoint); its journal stays small, as new pages need
            // no copy. Another connection to the file keeps it WAL (the switch then fails quietly).
            boolean rollbackJournal = false;
            try {
                rollbackJournal = bulk && rowCount(st) == 0 && journalMode(st, "DELETE").equals("delete");
                st.execute(nested ? "SAVEPOINT bulk_insert" : "BEGIN IMMEDIATE");
                long started = System.nanoTime();
                boolean journaling = false;
                try {
                    journaling = journal != null && journal.beginIfRecording();
                    // the insert trigger stands aside for this transaction (dropped and made again inside
                    // it: no other connection sees it gone); the tallies get the new rows' counts from here.
                    // A store without them (the benchmark's baseline) is filled as before.
                    String insertTrigger = bulkTrigger(st);
                    Tally.Delta tally = insertTrigger == null ? null : new Tally.Delta();
                    if (insertTrigger != null) {
                        st.execute("DROP TRIGGER " + Tally.INSERT_TRIGGER);
                    }
                    List<String> rebuild = bulk ? dropIndexes(st) : List.of();
                    // rows go in ROWS_PER_INSERT at a time (one statement step instead of 64: half the cost
                    // per row through sqlite-jdbc); the last few one by one
                    Job[] held = new Job[ROWS_PER_INSERT];
                    int k = 0;
                    while (jobs.hasNext()) {
                        if (cancelled.getAsBoolean()) {
                            throw new CancelledException();
                        }
                        held[k] = jobs.next();
                        if (tally != null) {
                            tally.add(held[k]);
                        }
                        k++;
                        if (k == ROWS_PER_INSERT) {
                            for (int i = 0; i < k; i++) {
                                JobRowMapper.bind(many, held[i], i * JobRowMapper.COLUMN_COUNT);
                            }
                            many.executeUpdate();
                            k = 0;
                        }
                        if (++n % 10_000 == 0) {
                            progress.accept(n);
                        }
                    }
                    for (int i = 0; i < k; i++) {
                        JobRowMapper.bind(one, held[i]);
                        one.executeUpdate();
                    }
                    if (tally != null) {
                        tally.write(connection);
                        st.execute(insertTrigger);
                    }
                    long inserted = System.nanoTime();
                    if (!rebuild.isEmpty()) {
                        rebuildIndexes(st, rebuild);
                    }
                    long indexed = System.nanoTime();
                    if (journaling) {
                        journal.end();
                    }
                    st.execute(nested ? "RELEASE bulk_insert" : "COMMIT");
                    if (journaling) {
                        journal.ended(true);
                    }
                    if (bulk) {
                        LOG.info("bulk insert of {} jobs: rows {} ms, {} indexes {} ms, commit {} ms", n,
                                (inserted - started) / 1_000_000, rebuild.size(), (indexed - inserted) / 1_000_000,
                                (System.nanoTime() - indexed) / 1_000_000);
                    }
                    progress.accept(n);
                    return n;
                } catch (SQLException | RuntimeException e) {
                    try {
                        if (nested) {
                            st.execute("ROLLBACK TO bulk_insert");
                            st.execute("RELEASE bulk_insert");
                        } else {
                            st.execute("ROLLBACK");
                        }
                    } catch (SQLException rollback) {
                        e.addSuppressed(rollback); // SQLite may have rolled back already (a full disk, say)
                    }
                    if (journaling) {
                        journal.ended(false);
                    }
                    throw e;
                }
            } finally {
                // whatever happened above, the store goes back to its usual settings
                st.execute("PRAGMA foreign_keys = ON");
                if (rollbackJournal) {
                    journalMode(st, "WAL");
                }
            }
        } catch (CancelledException e) {
            throw new UnavailableException("error.store.cancelled", path.toString());
        } catch (SQLException e) {
            if (SqliteErrors.isUniqueViolation(e)) {
                throw new AlreadyExistsException("error.import.duplicate", e.getMessage());
            }
            throw SqliteErrors.failure(path, "insert", e);
        }
    }

    /** Drops the job table's indexes and returns the SQL that builds them again. */
    private static List<String> dropIndexes(Statement st) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> rebuild = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master "
                + "WHERE type = 'index' AND tbl_name = 'job' AND sql IS NOT NULL")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                rebuild.add(rs.getString(2));
            }
        }
        for (String name : names) {
            st.execute("DROP INDEX \"" + name.replace("\"", "") + "\"");
        }
        return rebuild;
    }

    /**
     * Builds the dropped indexes again. Measured here on 1,000,000 rows: with the store's usual
     * 64 MiB page cache and in-memory temp store the eleven sorts take about 20 s; with a small
     * cache, temp files and two sorter threads about 10 s. The usual settings come back after.
     */
    private static void rebuildIndexes(Statement st, List<String> rebuild) throws SQLException {
        int threads = Math.min(4, Runtime.getRuntime().availableProcessors());
        st.execute("PRAGMA cache_size = -2000");
        st.execute("PRAGMA temp_store = FILE");
        st.execute("PRAGMA threads = " + threads);
        try {
            for (String sql : rebuild) {
                st.execute(sql);
            }
        } finally {
            st.execute("PRAGMA threads = 0");
            st.execute("PRAGMA temp_store = FILE");
            st.execute("PRAGMA cache_size = " + SqliteStoreFile.CACHE_SIZE);
        }
    }

    private static String journalMode(Statement st, String mode) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = " + mode)) {
            return rs.next() ? rs.getString(1).toLowerCase(Locale.ROOT) : "";
        }
    }

    /** The SQL of the tally's insert trigger, or null in a store without kept counts. */
    private static String bulkTrigger(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = '"
                + Tally.INSERT_TRIGGER + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long rowCount(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT max(id) FROM job")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Internal: an all-or-nothing insert was cancelled. */
    private static final class CancelledException extends RuntimeException {
        CancelledException() {
            super(null, null, false, false);
        }
    }
}
