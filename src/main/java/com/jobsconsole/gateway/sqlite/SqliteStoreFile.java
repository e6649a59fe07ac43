package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.model.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Opens a store file as a connection ready for use: refuses, untouched, a file that is not SQLite,
 * another application's database, a newer schema, a read-only or locked file; then turns on WAL,
 * migrates the schema forward and brings the lookup tables in line with the reference data.
 */
final class SqliteStoreFile {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStoreFile.class);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** Busy time-out for the operations; opening waits less so a locked file is reported quickly. */
    static final int BUSY_TIMEOUT_MS = 5_000;
    static final int OPEN_BUSY_TIMEOUT_MS = 2_000;
    /** 16 MiB of page cache a connection (negative: KiB); the query benchmark gives its raw side the same. */
    static final int CACHE_SIZE = -16384;

    private SqliteStoreFile() {
    }

    /**
     * Opens the store file (absolute, normalised), creating it when it does not exist. A file that
     * exists is never overwritten: if it is not a SQLite database, not one of ours, read-only,
     * locked, or from a newer version, this throws {@link UnavailableException} saying which, and
     * the file is left as it was.
     */
    static Connection open(Path file, ReferenceData reference, Durability durability) {
        checkFile(file);
        NativeSqlite.prepare();
        Connection c = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(OPEN_BUSY_TIMEOUT_MS);
            config.enforceForeignKeys(true);
            config.setSynchronous(durability == Durability.FULL
                    ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
            c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            try (Statement st = c.createStatement()) {
                // Read first: a file SQLite cannot read fails here, before anything is written.
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    rs.next();
                }
                int version = userVersion(st);
                if (version > Schema.latestVersion()) {
                    throw new UnavailableException("error.store.newerSchema", file.toString(), version);
                }
                if (version == 0 && hasForeignTables(st)) {
                    throw new UnavailableException("error.store.foreign", file.toString());
                }
                checkShape(st, version, file);
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                    rs.next();
                }
                migrate(st, version);
                seed(c, reference);
                st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                // 16 MiB of page cache (was 64: the window's memory) and temp files for big sorts
                st.execute("PRAGMA cache_size = " + CACHE_SIZE);
                st.execute("PRAGMA temp_store = FILE");
            }
            LOG.info("opened store {}", file);
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw openFailure(file, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void checkFile(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new UnavailableException("error.store.isDirectory", file.toString());
            }
            if (Files.exists(file)) {
                if (!isWritable(file)) {
                    throw new UnavailableException("error.store.readOnly", file.toString());
                }
                long size = Files.size(file);
                if (size > 0 && !hasSqliteHeader(file)) {
                    throw new UnavailableException("error.store.notSqlite", file.toString());
                }
            } else {
                Path parent = file.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
            Path dir = file.getParent();
            if (dir != null && !isWritable(dir)) {
                throw new UnavailableException("error.store.readOnly", file.toString());
            }
        } catch (IOException e) {
            throw new UnavailableException(e, "error.store.cannotOpen", file.toString(), e.getMessage());
        }
    }

    /** Writable for the process and, where the OS has modes, marked writable for its owner. */
    private static boolean isWritable(Path p) throws IOException {
        if (!Files.isWritable(p)) {
            return false;
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        return posix == null || posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
    }

    private static boolean hasSqliteHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            return Arrays.equals(head, SQLITE_HEADER);
        }
    }

    private static int userVersion(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasForeignTables(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                if (!Schema.OWN_TABLES.contains(rs.getString(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Refuses, before anything is written, a file whose schema version does not match its tables (a
     * damaged header: the version overwritten, or tables missing): migrating it would fail half-way.
     */
    private static void checkShape(Statement st, int version, Path file) throws SQLException {
        if (version < 0) {
            throw new UnavailableException("error.store.damaged", file.toString(), version);
        }
        Set<String> present = new HashSet<>();
        try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                present.add(rs.getString(1));
            }
        }
        Set<String> expected = Schema.tablesAt(version);
        Set<String> later = new HashSet<>(Schema.tablesAt(Schema.latestVersion()));
        later.removeAll(expected);
        if (!present.containsAll(expected) || later.stream().anyMatch(present::contains)) {
            throw new UnavailableException("error.store.damaged", file.toString(), version);
        }
    }

    private static void migrate(Statement st, int from) throws SQLException {
        for (int v = from; v < Schema.latestVersion(); v++) {
            st.execute("BEGIN IMMEDIATE");
            try {
                for (String sql : Schema.MIGRATIONS.get(v)) {
                    st.execute(sql);
                }
                st.execute("PRAGMA user_version = " + (v + 1));
                st.execute("COMMIT");
                LOG.info("store migrated to schema version {}", v + 1);
            } catch (SQLException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /**
     * Brings the lookup tables in line with the reference data. Rows still in use are kept. Reads
     * first and writes only when something differs, so opening a store takes no write lock: a
     * reader opens while another process writes (WAL lets it read).
     */
    private static void seed(Connection c, ReferenceData ref) throws SQLException {
        if (seeded(c, ref)) {
            return;
        }
        try (Statement st = c.createStatement();
             PreparedStatement s = c.prepareStatement("INSERT INTO job_status(code, key, kind) VALUES (?,?,?) "
                     + "ON CONFLICT(code) DO UPDATE SET key = excluded.key, kind = excluded.kind "
                     + "WHERE key <> excluded.key OR kind <> excluded.kind");
             PreparedStatement t = c.prepareStatement("INSERT INTO job_type(code, key) VALUES (?,?) "
                     + "ON CONFLICT(code) DO UPDATE SET key = excluded.key WHERE key <> excluded.key")) {
            st.execute("BEGIN IMMEDIATE");
            try {
                for (JobStatus js : ref.statuses()) {
                    s.setInt(1, js.code());
                    s.setString(2, js.key());
                    s.setString(3, js.kind().name().toLowerCase(Locale.ROOT));
                    s.executeUpdate();
                }
                for (JobType jt : ref.types()) {
                    t.setInt(1, jt.code());
                    t.setString(2, jt.key());
                    t.executeUpdate();
                }
                st.execute("COMMIT");
            } catch (SQLException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /** Whether every status and type of the reference data is in the store as it is there. */
    private static boolean seeded(Connection c, ReferenceData ref) throws SQLException {
        Set<String> have = new HashSet<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT code, key, kind FROM job_status")) {
                while (rs.next()) {
                    have.add("s" + rs.getInt(1) + "/" + rs.getString(2) + "/" + rs.getString(3));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT code, key FROM job_type")) {
                while (rs.next()) {
                    have.add("t" + rs.getInt(1) + "/" + rs.getString(2));
                }
            }
        }
        return ref.statuses().stream().allMatch(s -> have.contains("s" + s.code() + "/" + s.key() + "/"
                + s.kind().name().toLowerCase(Locale.ROOT)))
                && ref.types().stream().allMatch(t -> have.contains("t" + t.code() + "/" + t.key()));
    }

    private static UnavailableException openFailure(Path file, SQLException e) {
        SQLiteErrorCode code = SqliteErrors.primary(e);
        String key = switch (code == null ? SQLiteErrorCode.SQLITE_ERROR : code) {
            case SQLITE_BUSY, SQLITE_LOCKED -> "error.store.locked";
            case SQLITE_NOTADB, SQLITE_CORRUPT -> "error.store.notSqlite";
            case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN -> "error.store.readOnly";
            default -> "error.store.cannotOpen";
        };
        LOG.warn("cannot open store {}: {}", file, e.getMessage());
        return key.equals("error.store.cannotOpen")
                ? new UnavailableException(e, key, file.toString(), e.getMessage())
                : new UnavailableException(e, key, file.toString());
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do: the open already failed
            }
        }
    }
}
