package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.model.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One store file's connection, its lock and its transactions (read, write, durable write). The local
 * store ({@link SqliteJobGateway}), an orchestrator's cache rows ({@link CacheTable}) and outbox
 * ({@link OutboxTable}) are tables reached through it: they run their SQL inside {@link #call}, on
 * statements {@link #statement prepared} once, and join the caller's transaction. No other class
 * holds the connection or the lock.
 */
public final class SqliteSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteSession.class);

    /** SQL work on the connection, under the lock. */
    @FunctionalInterface
    public interface Sql<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path path;
    private final Durability durability;
    private final Clock clock;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private boolean closed;
    /** How deep the lock-holding thread is in {@link #inTransaction}: inner ones join the outer. */
    private int transactions;

    private SqliteSession(Path path, Durability durability, Clock clock, Connection connection) {
        this.path = path;
        this.durability = durability;
        this.clock = clock;
        this.connection = connection;
    }

    /**
     * Opens the store file, creating it when it does not exist; a file that exists is never
     * overwritten (see {@link SqliteStoreFile#open}).
     */
    static SqliteSession open(Path path, ReferenceData reference, Clock clock, Durability durability) {
        Path file = path.toAbsolutePath().normalize();
        return new SqliteSession(file, durability, clock, SqliteStoreFile.open(file, reference, durability));
    }

    public Path path() {
        return path;
    }

    /** Now, to the second, on the store's clock: the times it writes. */
    LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Runs {@code sql} under the lock; a failure comes back as what it means to the user. */
    <T> T call(String operation, Sql<T> sql) {
        lock.lock();
        try {
            ensureOpen();
            return sql.run(connection);
        } catch (SQLException e) {
            throw failure(operation, e);
        } finally {
            lock.unlock();
        }
    }

    /** The statement for {@code sql}, prepared on first use and closed with the session; call inside {@link #call}. */
    PreparedStatement statement(String sql) throws SQLException {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a statement outside the session's lock");
        }
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        ps.clearParameters();
        return ps;
    }

    /**
     * Runs a statement without parameters or rows (a transaction's or a savepoint's) from the session's prepared
     * statements: prepared once, not on every write. Call under the lock.
     */
    void execute(String sql) throws SQLException {
        statement(sql).execute();
    }

    /** Runs {@code work} (calls on this session's tables) as one transaction: all of it is stored, or none; inside
     * another, as part of it. */
    public void inTransaction(Runnable work) {
        call("transaction", c -> {
            if (transactions > 0) {
                work.run(); // inside the thread's open transaction: part of it
                return null;
            }
            execute("BEGIN IMMEDIATE");
            transactions++;
            try {
                work.run();
                execute("COMMIT");
            } catch (RuntimeException | Error e) {
                execute("ROLLBACK");
                throw e;
            } finally {
                transactions--;
            }
            return null;
        });
    }

    /** Whether the lock-holding thread is inside {@link #inTransaction}; call under the lock. */
    boolean transactionOpen() {
        return transactions > 0;
    }

    /**
     * {@link #inTransaction}, committed as a user's store commits (it survives a power cut) even in a
     * cache: for what was acknowledged to the user, such as a write queued in the outbox.
     */
    public void inDurableTransaction(Runnable work) {
        if (durability == Durability.FULL) {
            inTransaction(work);
            return;
        }
        call("transaction", c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA synchronous = FULL");
                try {
                    inTransaction(work);
                } finally {
                    st.execute("PRAGMA synchronous = NORMAL");
                }
            }
            return null;
        });
    }

    GatewayException failure(String operation, SQLException e) {
        return SqliteErrors.failure(path, operation, e);
    }

    private void ensureOpen() {
        if (closed) {
            throw new UnavailableException("error.store.closed", path.toString());
        }
    }

    /** Checkpoints the write-ahead log into the file, closes the statements and the connection. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                LOG.debug("checkpoint on close failed: {}", e.getMessage());
            }
            try {
                for (PreparedStatement ps : prepared.values()) {
                    ps.close();
                }
                prepared.clear();
                connection.close();
                LOG.info("closed store {}", path);
            } catch (SQLException e) {
                LOG.warn("closing store {}: {}", path, e.getMessage());
            }
        } finally {
            lock.unlock();
        }
    }
}
