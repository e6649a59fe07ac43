package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.testing.JournalWriteLoop;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change and its journal entry are one (issue 22): a real subprocess making every kind of journaled change
 * is killed with SIGKILL at random moments, and each time the store's jobs are exactly what replaying the
 * journal says — never a change without its item, never an item (or an entry) without its change.
 */
@Tag("slow")
class JournalCrashTest {

    @TempDir
    Path dir;

    /** A job as the journal's last item for it says it is (null status: deleted). */
    private record Expected(Integer status, String stopAfter, boolean deleted) {
    }

    @Test
    void killedAtAnyMomentTheJournalAndTheJobsAgree() throws Exception {
        Path file = dir.resolve("journal.sqlite");
        SqliteJobGateway.open(file, REFERENCE).close();
        Random random = new Random(22);
        for (int kill = 0; kill < 6; kill++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), JournalWriteLoop.class.getName(), file.toString(),
                    String.valueOf(kill)).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            assertThat(out.readLine()).isEqualTo("writing");
            awaitItems(file, 50 + random.nextInt(1500));
            p.destroyForcibly(); // SIGKILL, somewhere in a change
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertAgree(file);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(DISTINCT action) FROM journal")) {
            rs.next();
            assertThat(rs.getInt(1)).as("every kind of change was journaled").isGreaterThanOrEqualTo(6);
        }
    }

    private static void assertAgree(Path file) throws Exception {
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE);
             Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            Map<String, Expected> expected = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT guid, json_extract(after, '$.status'), "
                    + "json_extract(after, '$.stop'), after IS NULL FROM (SELECT id AS entry, 0 AS n, guid, after, unmade"
                    + " FROM journal WHERE guid IS NOT NULL UNION ALL SELECT entry, id, guid, after, unmade"
                    + " FROM journal_item) WHERE unmade IS NULL ORDER BY entry, n")) {
                while (rs.next()) {
                    int status = rs.getInt(2);
                    expected.put(rs.getString(1), new Expected(rs.wasNull() ? null : status, rs.getString(3),
                            rs.getBoolean(4)));
                }
            }
            Map<String, Expected> actual = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT guid, status, stop_after FROM job")) {
                while (rs.next()) {
                    actual.put(rs.getString(1), new Expected(rs.getInt(2), rs.getString(3), false));
                }
            }
            for (Map.Entry<String, Expected> e : expected.entrySet()) {
                Expected a = actual.get(e.getKey());
                if (e.getValue().deleted()) {
                    assertThat(a).as("deleted by the journal: %s", e.getKey()).isNull();
                } else {
                    assertThat(a).as("created by the journal: %s", e.getKey()).isNotNull();
                    assertThat(a.status()).as("status of %s", e.getKey()).isEqualTo(e.getValue().status());
                    assertThat(Objects.equals(a.stopAfter(), e.getValue().stopAfter()))
                            .as("stop time of %s: %s vs %s", e.getKey(), a.stopAfter(), e.getValue().stopAfter()).isTrue();
                }
            }
            assertThat(expected.keySet()).as("every job was made by a journaled change").containsAll(actual.keySet());
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM journal j WHERE j.guid IS NULL AND NOT EXISTS "
                    + "(SELECT 1 FROM journal_item i WHERE i.entry = j.id)")) {
                rs.next();
                assertThat(rs.getInt(1)).as("entries without a change").isZero();
            }
            assertThat(store.query(com.jobsconsole.model.JobQuery.all()).total()).isEqualTo(actual.size());
        }
    }

    private static void awaitItems(Path file, int count) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            long start = items(st);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (items(st) < start + count && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }

    private static long items(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT (SELECT coalesce(max(id), 0) FROM journal)"
                + " + (SELECT coalesce(max(id), 0) FROM journal_item)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
