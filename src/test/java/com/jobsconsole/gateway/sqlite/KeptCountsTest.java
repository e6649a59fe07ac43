package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ChangeFeed;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.testing.StoreWriteLoop;
import com.jobsconsole.transfer.JobImport;
import com.jobsconsole.transfer.JobTransfer;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counts the store keeps (issue 19) stay what a recount of the job table says under every kind
 * of write — the gateway, raw SQL from another connection, a bulk insert, an import, deletes, a
 * process killed with -9 in the middle of its transactions — and are rebuilt when they disagree;
 * the change feed names the jobs each change touched.
 */
class KeptCountsTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2030, 1, 1, 0, 0);

    @TempDir
    Path dir;

    @Test
    void gatewayWritesKeepEveryCountAsARecountSaysIt() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            store.insertAll(new DemoJobs(REFERENCE, 500, 1, NOW), x -> { }, () -> false);
            List<UUID> made = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                made.add(store.create(JobDraft.of(UUID.randomUUID(), 1 + i % 4, 1 + i % 6, 1)).guid());
            }
            for (int i = 0; i < made.size(); i++) {
                store.updateStatus(made.get(i), i % 9);
            }
            for (int i = 0; i < made.size(); i += 3) {
                store.delete(made.get(i));
            }
            store.setStopTimes(made.get(1), NOW, NOW.plusHours(1));
            assertCountsAgree(store, file);
        }
    }

    @Test
    void rawSqlFromAnotherConnectionKeepsThemToo() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            store.insertAll(new DemoJobs(REFERENCE, 800, 2, NOW), x -> { }, () -> false);
            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement st = raw.createStatement()) {
                st.execute("UPDATE job SET status = 4 WHERE id % 7 = 0");
                st.execute("UPDATE job SET robot_id = NULL WHERE id % 11 = 0");
                st.execute("UPDATE job SET type = 1 - type, source = 'API' WHERE id % 13 = 0");
                st.execute("UPDATE job SET created_at = '2029-06-01 08:00:00' WHERE id % 17 = 0");
                st.execute("DELETE FROM job WHERE id % 19 = 0");
                st.execute("INSERT INTO job (guid, status, type, source, created_at, updated_at) "
                        + "VALUES ('" + UUID.randomUUID() + "', 2, 0, 'GUI', '2030-01-02 00:00:00', '2030-01-02 00:00:00')");
            }
            assertCountsAgree(store, file);
            assertThat(store.repairCounts()).as("nothing to repair").isFalse();
        }
    }

    @Test
    void bulkInsertsAndImportsKeepThemAndTheFeedSaysReadEverything() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            store.insertAll(new DemoJobs(REFERENCE, 300, 3, NOW), x -> { }, () -> false);
            long since = store.lastChange();
            // a big insert into a small store: its indexes are dropped and built again
            store.insertAll(new DemoJobs(REFERENCE, 60_000, 4, NOW), 60_000, x -> { }, () -> false);
            assertCountsAgree(store, file);
            assertThat(store.changesSince(since, 1_000).everything()).isTrue();

            Path csv = dir.resolve("export.csv");
            JobQuery few = JobQuery.all().withStatuses(Set.of(5));
            List<Job> exported = store.query(few.page(200, 0)).items();
            try (SqliteJobGateway second = SqliteJobGateway.open(dir.resolve("second.sqlite"), REFERENCE)) {
                second.insertAll(exported.iterator(), x -> { }, () -> false);
                try (var out = java.nio.file.Files.newOutputStream(csv)) {
                    JobTransfer.export(second, JobQuery.all(), JobTransfer.Format.CSV, out, x -> { }, () -> false);
                }
            }
            store.delete(exported.get(0).guid());
            store.delete(exported.get(1).guid());
            long beforeImport = store.lastChange();
            JobImport.Check check = JobImport.check(csv, JobTransfer.Format.CSV, REFERENCE, store, x -> { }, () -> false);
            assertThat(JobImport.run(csv, JobTransfer.Format.CSV, REFERENCE, store, check, x -> { }, () -> false))
                    .as("the two deleted jobs come back; the rest are already there").isEqualTo(2);
            assertCountsAgree(store, file);
            assertThat(store.changesSince(beforeImport, 1_000).everything()).isTrue();
        }
    }

    @Test
    void aCountThatDisagreesIsRebuiltOnce() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            store.insertAll(new DemoJobs(REFERENCE, 1_000, 5, NOW), x -> { }, () -> false);
            Job job = store.query(JobQuery.all().page(1, 0)).items().get(0);
            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement st = raw.createStatement()) {
                // INSERT OR REPLACE deletes the old row without delete triggers (SQLite's rule): counted twice
                st.execute("INSERT OR REPLACE INTO job (guid, status, type, source, created_at, updated_at) VALUES ('"
                        + job.guid() + "', 7, 1, 'API', '2030-01-03 00:00:00', '2030-01-03 00:00:00')");
                st.execute("UPDATE job_tally_day SET n = n + 5 WHERE day = (SELECT min(day) FROM job_tally_day)");
            }
            assertThat(store.countByStatus()).isNotEqualTo(recount(file, "status"));

            assertThat(store.repairCounts()).isTrue();
            assertCountsAgree(store, file);
            assertThat(store.repairCounts()).as("right now").isFalse();
        }
    }

    @Test
    void theTalliesTakeInTheLoggedChangesEveryThousandAndCountRightBetween() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            store.insertAll(new DemoJobs(REFERENCE, 500, 8, NOW), x -> { }, () -> false);
            List<UUID> made = new ArrayList<>();
            Random random = new Random(22);
            // about 2,600 changes: two folds and some changes after the second, checked at every step of 250
            for (int i = 0; i < 1_300; i++) {
                if (made.isEmpty() || random.nextInt(3) == 0) {
                    made.add(store.create(JobDraft.of(UUID.randomUUID(), 1 + random.nextInt(4), 1 + random.nextInt(6),
                            1 + random.nextInt(3))).guid());
                } else if (random.nextInt(5) == 0) {
                    store.delete(made.remove(random.nextInt(made.size())));
                } else {
                    store.updateStatus(made.get(random.nextInt(made.size())), random.nextInt(9));
                }
                if (!made.isEmpty()) {
                    store.setStopTimes(made.get(made.size() - 1), NOW.plusMinutes(i), null); // changes no count
                }
                if (i % 250 == 0) {
                    assertCountsAgree(store, file);
                }
            }
            assertCountsAgree(store, file);
            long folded = single(file, "SELECT seq FROM job_tally_upto");
            assertThat(folded).as("the last fold").isPositive().isEqualTo(store.lastChange() / 1_000 * 1_000);
            assertThat(single(file, "SELECT count(*) FROM job_change WHERE seq > " + folded))
                    .as("the changes after it, not yet in the tallies").isBetween(1L, 999L);
        }
    }

    @Test
    void aStoreOfSchemaFourteenKeepsItsCountsThroughTheMigration() throws Exception {
        Path file = dir.resolve("fourteen.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            store.insertAll(new DemoJobs(REFERENCE, 1_500, 9, NOW), x -> { }, () -> false);
            store.updateStatus(store.query(JobQuery.all().page(1, 0)).items().get(0).guid(), 8); // one pending
        }
        Schema14.restore(file); // the tallies kept by schema 6's triggers, in every write
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = raw.createStatement()) {
            // another program writes the old way before the console opens the file again
            st.execute("UPDATE job SET status = 4 WHERE id % 5 = 0");
            st.execute("DELETE FROM job WHERE id % 7 = 0");
        }
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            assertCountsAgree(store, file);
            for (Job job : store.query(JobQuery.all().page(40, 0)).items()) {
                store.updateStatus(job.guid(), 2);
            }
            assertCountsAgree(store, file);
        }
    }

    @Test
    void aStoreOfTheLastSchemaGetsItsCountsWhenMigrated() throws Exception {
        Path file = dir.resolve("old.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            store.insertAll(new DemoJobs(REFERENCE, 2_000, 6, NOW), x -> { }, () -> false);
        }
        Schema14.restore(file); // what migration 15 made is gone
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = raw.createStatement()) {
            // back to schema 5: what migrations 6 to 14 made is gone
            for (String trigger : List.of("job_tally_insert", "job_tally_update", "job_changed", "job_tally_delete",
                    "job_change_prune")) {
                st.execute("DROP TRIGGER " + trigger);
            }
            for (String table : List.of("job_tally", "job_tally_day", "job_change", "job_tally_checked", "directory",
                    "directory_stamp", "store_setting", "journal_item", "journal", "journal_guid", "journal_guid_upto",
                    "journal_hour")) {
                st.execute("DROP TABLE " + table);
            }
            st.execute("DROP INDEX job_duration");
            st.execute("DROP INDEX job_process_completed");
            st.execute("CREATE INDEX job_process_version ON job(process_version_id)");
            st.execute("ALTER TABLE job_event DROP COLUMN origin");
            st.execute("PRAGMA user_version = 5");
        }
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            assertThat(store.countByStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2_000);
            assertCountsAgree(store, file);
        }
    }

    @Test
    void theFeedNamesTheChangedJobsAndSaysWhenItCannot() {
        try (SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE)) {
            long start = store.lastChange();
            UUID a = store.create(JobDraft.of(UUID.randomUUID(), 1, 1, 1)).guid();
            UUID b = store.create(JobDraft.of(UUID.randomUUID(), 1, 2, 1)).guid();
            store.updateStatus(a, 5);
            store.updateStatus(a, 6);
            store.delete(b);

            ChangeFeed.Changes c = store.changesSince(start, 100);
            assertThat(c.everything()).isFalse();
            assertThat(c.guids()).containsExactlyInAnyOrder(a, b);
            assertThat(c.last()).isEqualTo(store.lastChange());
            assertThat(store.changesSince(c.last(), 100).isEmpty()).isTrue();
            assertThat(store.changesSince(start, 3).everything()).as("more than the limit").isTrue();
            assertThat(store.matching(JobQuery.all().withStatuses(Set.of(6)), List.of(a, b))).containsExactly(a);

            // the log keeps about the last 10,000 changes: a look from before them reads everything
            long old = store.lastChange();
            for (int i = 0; i < 11_000; i++) {
                store.setStopTimes(a, NOW.plusMinutes(i), null);
            }
            assertThat(store.changesSince(old, 20_000).everything()).isTrue();
            long recent = store.lastChange() - 5;
            assertThat(store.changesSince(recent, 100).guids()).containsExactly(a);
        }
    }

    @Test
    @Tag("slow")
    void aProcessKilledInTheMiddleOfItsWritesLeavesCountsThatAgree() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            store.insertAll(new DemoJobs(REFERENCE, 5_000, 7, NOW), x -> { }, () -> false);
        }
        Random random = new Random(19);
        for (int kill = 0; kill < 6; kill++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), StoreWriteLoop.class.getName(), file.toString(),
                    String.valueOf(kill)).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            assertThat(out.readLine()).isEqualTo("writing");
            // killed once it has committed a random number of changes: somewhere in what comes next, a
            // gateway write, a bulk insert or a raw SQL transaction
            awaitChanges(file, 20 + random.nextInt(600));
            p.destroyForcibly(); // SIGKILL
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
                assertCountsAgree(store, file);
            }
        }
    }

    /** Waits until the store's change log has grown by {@code count} changes (another process writing it). */
    private static void awaitChanges(Path file, int count) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            long from = -1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM job_change")) {
                    long last = rs.getLong(1);
                    from = from < 0 ? last : from;
                    if (last - from >= count) {
                        return;
                    }
                }
                LockSupport.parkNanos(1_000_000); // a read a millisecond, beside the writer
            }
            throw new AssertionError("the writer made no " + count + " changes within 60 s");
        }
    }

    /** Every count the store keeps equals a recount of its job table, by raw SQL. */
    private static void assertCountsAgree(SqliteJobGateway store, Path file) throws Exception {
        assertThat(store.countByStatus()).isEqualTo(recount(file, "status"));
        assertThat(store.countByType()).isEqualTo(recount(file, "type"));
        JobQuery some = JobQuery.all().withStatuses(Set.of(3, 5)).withSources(Set.of(JobSource.API))
                .withRobots(Set.of(1L, 2L, 3L));
        assertThat(store.query(some).total()).isEqualTo(single(file,
                "SELECT count(*) FROM job WHERE status IN (3,5) AND source = 'API' AND robot_id IN (1,2,3)"));
        assertThat(store.countByStatus(some)).isEqualTo(recount(file, "status",
                " WHERE status IN (3,5) AND source = 'API' AND robot_id IN (1,2,3)"));
        JobQuery typed = JobQuery.all().withTypes(Set.of(1));
        Map<String, Long> days = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT substr(created_at, 1, 10) AS d, count(*) FROM job WHERE type = 1 "
                     + "GROUP BY d ORDER BY d")) {
            while (rs.next()) {
                days.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(store.countByCreated(typed, false)).isEqualTo(days);
        assertThat(store.repairCounts()).as("nothing to repair").isFalse();
    }

    private static Map<Integer, Long> recount(Path file, String column) throws Exception {
        return recount(file, column, "");
    }

    private static Map<Integer, Long> recount(Path file, String column, String where) throws Exception {
        Map<Integer, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + column + ", count(*) FROM job" + where + " GROUP BY " + column)) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static long single(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
