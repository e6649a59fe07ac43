package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobDurations;
import com.jobsconsole.gateway.ThisProcess;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.UsualDuration;
import com.jobsconsole.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the job window reads from a store: where each status change came from (schema 9), and a
 * process version's usual duration — checked against the same figures worked out by hand.
 */
class JobStoryTest {

    @TempDir
    Path dir;
    private SqliteJobGateway store;

    @AfterEach
    void tearDown() {
        ThisProcess.is(ChangeOrigin.WINDOW);
        if (store != null) {
            store.close();
        }
    }

    @Test
    void eachStatusChangeSaysWhichProgramMadeIt() throws Exception {
        store = SqliteJobGateway.open(dir.resolve("s.sqlite"), TestStore.REFERENCE);
        UUID g = UUID.randomUUID();
        store.create(JobDraft.of(g, 1, 2, 3));
        ThisProcess.is(ChangeOrigin.WINDOW);
        store.updateStatus(g, 8);
        ThisProcess.is(ChangeOrigin.COMMAND_LINE);
        store.updateStatus(g, 6);
        store.updateStatus(g, 6); // no change: nothing written down, nothing re-marked
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.path());
             PreparedStatement ps = c.prepareStatement("UPDATE job SET status = 4 WHERE guid = ?")) {
            ps.setString(1, g.toString());
            ps.executeUpdate();
        }
        ThisProcess.is(ChangeOrigin.LOCAL_API);
        store.updateStatus(g, 5);

        List<JobEvent> history = store.history(g);
        assertThat(history).extracting(JobEvent::toStatus).containsExactly(1, 8, 6, 4, 5);
        assertThat(history).extracting(JobEvent::origin).containsExactly(null, ChangeOrigin.WINDOW,
                ChangeOrigin.COMMAND_LINE, ChangeOrigin.OTHER_PROGRAM, ChangeOrigin.LOCAL_API);
    }

    @Test
    void theNamesAreKeptUntilTheDirectoryChangesHereOrInAnotherProgram() throws Exception {
        store = SqliteJobGateway.open(dir.resolve("n.sqlite"), TestStore.REFERENCE);
        JobDirectory directory = store.capability(JobDirectory.class).orElseThrow();
        directory.put(List.of(DirectoryEntry.of(DirectoryKind.ROBOT, 7, "WS-FIN-07")));
        Names first = directory.names();
        assertThat(directory.names()).as("not read again").isSameAs(first);
        assertThat(first.robot(7L)).isEqualTo("WS-FIN-07");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.path())) {
            c.createStatement().execute("UPDATE directory SET name = 'WS-FIN-7b' WHERE id = 7");
        }
        assertThat(directory.names().robot(7L)).isEqualTo("WS-FIN-7b");
        directory.remove(DirectoryKind.ROBOT, 7);
        assertThat(directory.names().robot(7L)).isEqualTo("#7");
    }

    @Test
    void aCachesUnmarkedChangesAreTheOrchestratorsAndItsOwnAreThisConsoles() {
        OrchestratorCache cache = OrchestratorCache.open(dir.resolve("cache.sqlite"), TestStore.REFERENCE);
        try {
            UUID g = UUID.randomUUID();
            LocalDateTime t = LocalDateTime.of(2030, 1, 1, 10, 0);
            Job job = new Job(g, 1, 1, JobSource.GUI, 1L, 2L, 3L, null, null, null, null, t, t, null, null);
            cache.kept().put(job);
            cache.kept().put(new Job(g, 8, 1, JobSource.GUI, 1L, 2L, 3L, null, null, null, null, t, t.plusMinutes(1),
                    t.plusMinutes(1), null)); // read from the orchestrator
            ThisProcess.is(ChangeOrigin.WINDOW);
            cache.jobs().updateStatus(g, 6); // the console's own write, as the outbox records it
            assertThat(cache.history(g)).extracting(JobEvent::origin)
                    .containsExactly(null, ChangeOrigin.ORCHESTRATOR, ChangeOrigin.WINDOW);
        } finally {
            cache.close();
        }
    }

    @Test
    void theUsualDurationIsTheMedianAndP95OfTheVersionsLastFinishedRuns() throws Exception {
        store = SqliteJobGateway.open(dir.resolve("d.sqlite"), TestStore.REFERENCE);
        Random random = new Random(3);
        LocalDateTime t0 = LocalDateTime.of(2030, 1, 1, 0, 0);
        List<long[]> runs = new ArrayList<>(); // version, completed (minutes from t0), seconds
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.path());
             PreparedStatement ps = c.prepareStatement("INSERT INTO job (guid, status, type, source, "
                     + "process_version_id, robot_id, account_id, created_at, updated_at, started_at, completed_at) "
                     + "VALUES (?, 4, 1, 'GUI', ?, 1, 1, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < 700; i++) {
                long version = 1 + i % 3;
                long completed = i; // one a minute, in order
                long seconds = 1 + random.nextInt(version == 3 ? 60 : 3_600);
                LocalDateTime end = t0.plusMinutes(completed);
                ps.setString(1, UUID.randomUUID().toString());
                ps.setLong(2, version);
                ps.setString(3, JobJson.formatTime(end.minusSeconds(seconds)));
                ps.setString(4, JobJson.formatTime(end));
                ps.setString(5, JobJson.formatTime(end.minusSeconds(seconds)));
                ps.setString(6, JobJson.formatTime(end));
                ps.addBatch();
                runs.add(new long[] {version, completed, seconds});
            }
            // a run still going and one never started do not count
            ps.executeBatch();
            c.createStatement().execute("INSERT INTO job (guid, status, type, source, process_version_id, robot_id, "
                    + "account_id, created_at, updated_at, started_at) VALUES ('" + UUID.randomUUID()
                    + "', 8, 1, 'GUI', 1, 1, 1, '2031-01-01 00:00:00', '2031-01-01 00:00:00', '2031-01-01 00:00:00')");
            c.commit();
        }
        JobDurations durations = store.capability(JobDurations.class).orElseThrow();
        for (long version = 1; version <= 3; version++) {
            long v = version;
            // by hand: the newest 200 finished runs of the version, nearest-rank median and p95
            long[] last = runs.stream().filter(r -> r[0] == v).sorted((a, b) -> Long.compare(b[1], a[1]))
                    .limit(JobDurations.RUNS).mapToLong(r -> r[2]).sorted().toArray();
            UsualDuration u = durations.usual(version).orElseThrow();
            assertThat(u.runs()).as("each version has over 230 finished runs").isEqualTo(JobDurations.RUNS);
            assertThat(u.median()).isEqualTo(Duration.ofSeconds(last[(int) Math.ceil(0.5 * last.length) - 1]));
            assertThat(u.p95()).isEqualTo(Duration.ofSeconds(last[(int) Math.ceil(0.95 * last.length) - 1]));
            assertThat(u.isUnusual(u.p95())).isFalse();
            assertThat(u.isUnusual(u.p95().plusSeconds(1))).isTrue();
        }
        assertThat(durations.usual(99)).isEmpty();
        assertThat(durations.usualPerVersion()).extracting(UsualDuration::processVersionId).containsExactly(1L, 2L, 3L);
    }
}
