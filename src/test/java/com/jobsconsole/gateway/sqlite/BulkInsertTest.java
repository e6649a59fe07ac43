package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SqliteJobGateway#insertAll}: many rows per statement, and for a big insert the indexes
 * dropped and built again, foreign keys off for the insert only (and, into an empty store, a
 * rollback journal instead of the WAL). All or nothing either way.
 */
class BulkInsertTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2030, 1, 1, 0, 0);
    private static final int BULK = 60_000;

    @TempDir
    Path dir;

    @Test
    void aFewRowsThatDoNotFillAStatementAreAllStoredAsGiven() {
        List<Job> jobs = jobs(130, 1); // 2 statements of 64 rows and 2 rows on their own
        try (SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("few.sqlite"), REFERENCE)) {
            assertThat(store.insertAll(jobs.iterator(), x -> { }, () -> false)).isEqualTo(130);
            for (Job j : jobs) {
                assertThat(store.read(j.guid())).isEqualTo(j);
            }
        }
    }

    @Test
    void aBigInsertLeavesEveryIndexAndForeignKeysAsTheyWere() throws Exception {
        Path file = dir.resolve("big.sqlite");
        List<String> before;
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            before = indexes(file);
            AtomicLong reported = new AtomicLong();
            long n = store.insertAll(new DemoJobs(REFERENCE, BULK, 5, NOW), BULK, reported::set, () -> false);
            assertThat(n).isEqualTo(BULK);
            assertThat(reported).hasValue(BULK);
            assertThat(store.query(JobQuery.all().page(1, 0)).total()).isEqualTo(BULK);
            assertThat(indexes(file)).isEqualTo(before);

            // foreign keys are on again: deleting a job takes its status history with it
            Job first = store.page(JobQuery.all().page(1, 0)).get(0);
            int next = first.status() == 6 ? 2 : 6;
            store.updateStatus(first.guid(), next);
            assertThat(events(file, first)).isEqualTo(1);
            store.delete(first.guid());
            assertThat(events(file, first)).isZero();
        }
        assertThat(integrity(file)).isEqualTo("ok");
        // a big insert into an empty store goes through a rollback journal; the store is WAL again after
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void aDuplicateGuidInABigInsertUndoesEverything() throws Exception {
        Path file = dir.resolve("dup.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            List<String> before = indexes(file);
            List<Job> jobs = jobs(BULK, 9);
            jobs.set(BULK - 1, jobs.get(3)); // the last row repeats an earlier GUID
            assertThatThrownBy(() -> store.insertAll(jobs.iterator(), BULK, x -> { }, () -> false))
                    .isInstanceOf(AlreadyExistsException.class);
            assertThat(store.query(JobQuery.all().page(1, 0)).total()).isZero();
            assertThat(indexes(file)).isEqualTo(before);
            // and the store still refuses a duplicate (the unique index is back)
            store.create(JobDraft.of(jobs.get(0).guid(), 1, 1, 1));
            assertThatThrownBy(() -> store.create(JobDraft.of(jobs.get(0).guid(), 1, 1, 1)))
                    .isInstanceOf(AlreadyExistsException.class);
        }
    }

    @Test
    void aCancelledBigInsertWritesNothing() throws Exception {
        Path file = dir.resolve("cancel.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            List<String> before = indexes(file);
            DemoJobs source = new DemoJobs(REFERENCE, BULK, 3, NOW);
            AtomicLong taken = new AtomicLong();
            Iterator<Job> counting = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public Job next() {
                    taken.incrementAndGet();
                    return source.next();
                }
            };
            assertThatThrownBy(() -> store.insertAll(counting, BULK, x -> { }, () -> taken.get() >= 30_000))
                    .isInstanceOf(UnavailableException.class);
            assertThat(taken.get()).isBetween(30_000L, 30_001L);
            assertThat(store.query(JobQuery.all().page(1, 0)).total()).isZero();
            assertThat(indexes(file)).isEqualTo(before);
        }
    }

    private static List<Job> jobs(int count, long seed) {
        List<Job> out = new ArrayList<>(count);
        new DemoJobs(REFERENCE, count, seed, NOW).forEachRemaining(out::add);
        return out;
    }

    private static List<String> indexes(Path file) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1) + ": " + rs.getString(2));
            }
        }
        return out;
    }

    private static long events(Path file, Job job) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM job_event WHERE guid = '" + job.guid() + "'")) {
            return rs.getLong(1);
        }
    }

    private static String integrity(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            return rs.getString(1);
        }
    }
}
