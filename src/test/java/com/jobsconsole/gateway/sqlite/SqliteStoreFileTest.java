package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static com.jobsconsole.testing.Rendered.english;
import static com.jobsconsole.testing.Rendered.russian;
import static com.jobsconsole.testing.Rendered.says;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The store file itself: creation, schema, reopening, and every file it must refuse untouched. */
class SqliteStoreFileTest {

    private static final ReferenceData REFERENCE = ReferenceDataLoader.loadDefault();

    @TempDir
    Path dir;

    @Test
    void createsTheFileAndItsFoldersWithSchemaAndSeededLookupTables() throws Exception {
        Path file = dir.resolve("a/b/new.sqlite");
        try (SqliteJobGateway g = SqliteJobGateway.open(file, REFERENCE)) {
            assertThat(g.path()).isEqualTo(file.toAbsolutePath());
        }
        assertThat(file).exists();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            assertThat(single(st, "PRAGMA user_version")).isEqualTo(String.valueOf(Schema.latestVersion()));
            assertThat(single(st, "PRAGMA journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(single(st, "SELECT count(*) FROM job_status")).isEqualTo("9");
            assertThat(single(st, "SELECT key FROM job_status WHERE code = 8")).isEqualTo("IN_PROGRESS");
            assertThat(single(st, "SELECT count(*) FROM job_type")).isEqualTo("2");
            assertThat(single(st, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'job_guid'"))
                    .isEqualTo("1");
        }
    }

    @Test
    void jobsSurviveClosingAndReopening() {
        Path file = dir.resolve("keep.sqlite");
        JobDraft d = JobDraft.of(UUID.randomUUID(), 5, 6, 7);
        try (SqliteJobGateway g = SqliteJobGateway.open(file, REFERENCE)) {
            g.create(d);
        }
        try (SqliteJobGateway g = SqliteJobGateway.open(file, REFERENCE)) {
            assertThat(g.read(d.guid()).robotId()).isEqualTo(6L);
        }
        // and a third time: opening must not depend on the file being new
        try (SqliteJobGateway g = SqliteJobGateway.open(file, REFERENCE)) {
            assertThat(g.countByStatus()).containsEntry(1, 1L);
        }
    }

    @Test
    void timesAreWrittenByTheStoreInTheApiFormat() throws Exception {
        Path file = dir.resolve("clock.sqlite");
        Clock fixed = Clock.fixed(Instant.parse("2030-01-02T03:04:05.678Z"), ZoneId.of("UTC"));
        UUID guid = UUID.randomUUID();
        try (SqliteJobGateway g = SqliteJobGateway.open(file, REFERENCE, fixed)) {
            g.create(JobDraft.of(guid, 1, 1, 1));
            g.updateStatus(guid, 8);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            assertThat(single(st, "SELECT created_at FROM job")).isEqualTo("2030-01-02 03:04:05");
            assertThat(single(st, "SELECT started_at FROM job")).isEqualTo("2030-01-02 03:04:05");
            assertThat(single(st, "SELECT guid FROM job")).isEqualTo(guid.toString());
        }
    }

    @Test
    void anEmptyFileBecomesAStore() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.sqlite"));
        try (SqliteJobGateway g = SqliteJobGateway.open(file, REFERENCE)) {
            assertThat(g.countByStatus()).isEmpty();
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("notes.sqlite");
        Files.writeString(file, "these are my notes, not a database", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file);
        assertRefused(file, "error.store.notSqlite");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("notes.sqlite-wal")).doesNotExist();
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)");
            st.execute("INSERT INTO invoices (amount) VALUES (12.5)");
        }
        byte[] before = Files.readAllBytes(file);
        assertRefused(file, "error.store.foreign");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aStoreFromANewerVersionIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("future.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE job (id INTEGER PRIMARY KEY)");
            st.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(file);
        GatewayException e = assertRefused(file, "error.store.newerSchema");
        assertThat(english(e)).contains("99");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aReadOnlyFileIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("ro.sqlite");
        SqliteJobGateway.open(file, REFERENCE).close();
        byte[] before = Files.readAllBytes(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        try {
            assertRefused(file, "error.store.readOnly");
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void aStoreAnotherConnectionIsWritingOpensAndReadsAndAWriteWaitsThenSaysTheStoreIsBusy() throws Exception {
        Path file = dir.resolve("locked.sqlite");
        UUID guid = UUID.randomUUID();
        try (SqliteJobGateway g = SqliteJobGateway.open(file, REFERENCE)) {
            g.create(JobDraft.of(guid, 1, 1, 1));
        }
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.execute("UPDATE job SET robot_id = 2");
            try (SqliteJobGateway g = SqliteJobGateway.open(file, REFERENCE)) {
                // opening and reading take no write lock: WAL lets a reader read beside a writer
                assertThat(g.read(guid).robotId()).isEqualTo(1);
                assertThat(g.countByStatus()).containsEntry(1, 1L);
                // (had opening needed the write lock, it would have failed as locked after its 2 s busy time-out)
                // a write waits for the busy time-out, then says so, and changes nothing
                GatewayException e = catchThrowableOfType(() -> g.updateStatus(guid, 5), GatewayException.class);
                assertThat(e.messageKey()).isEqualTo("error.store.locked");
                assertThat(english(e)).contains("busy");
            }
            st.execute("ROLLBACK");
        }
        try (SqliteJobGateway g = SqliteJobGateway.open(file, REFERENCE)) {
            assertThat(g.read(guid).status()).isEqualTo(1);
        }
    }

    @Test
    void aFolderIsNotAStore() {
        assertRefused(dir, "error.store.isDirectory");
    }

    @Test
    void theMessagesAreInTheUsersLanguage() throws Exception {
        Path file = dir.resolve("text.sqlite");
        Files.writeString(file, "plain text");
        GatewayException e = assertRefused(file, "error.store.notSqlite");
        assertThat(russian(e)).contains("не база данных SQLite");
        assertThat(english(e)).contains("is not a SQLite database");
    }

    @Test
    void aClosedStoreSaysSo() {
        SqliteJobGateway g = SqliteJobGateway.open(dir.resolve("closed.sqlite"), REFERENCE);
        g.close();
        assertThatThrownBy(() -> g.read(UUID.randomUUID())).isInstanceOf(UnavailableException.class)
                .satisfies(says("closed"));
    }

    private static GatewayException assertRefused(Path file, String key) {
        try {
            SqliteJobGateway.open(file, REFERENCE).close();
        } catch (UnavailableException e) {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(english(e)).contains(file.toAbsolutePath().normalize().toString());
            return e;
        }
        throw new AssertionError("the store " + file + " was opened, but should have been refused with " + key);
    }

    private static String single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
