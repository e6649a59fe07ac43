package com.jobsconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.testing.FaultProxy;
import com.jobsconsole.testing.LocalApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code job stuck} and {@code job overview} for scripts and monitoring: the list, its JSON, the
 * {@code --check} exit code, {@code --fix} with and without {@code --dry-run} on a store and through a real
 * {@code serve} behind a proxy (a job changed on the orchestrator meanwhile is a conflict, not overwritten),
 * and the overview's numbers against counts made here from the jobs written.
 */
class AttentionCliTest {

    @TempDir
    Path dir;
    private final ObjectMapper json = new ObjectMapper();
    private final LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);

    private static Job job(int status, LocalDateTime updated, LocalDateTime started, LocalDateTime completed,
                           long version, long robot) {
        return new Job(UUID.randomUUID(), status, 1, JobSource.API, version, robot, 4L, null, null, null, null,
                updated.minusMinutes(5), updated, started, completed);
    }

    private Path store(List<Job> jobs) {
        Path file = dir.resolve("jobs.sqlite");
        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            s.insertAll(jobs.iterator(), n -> { }, () -> false);
        }
        return file;
    }

    private int status(Path file, UUID guid) {
        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            return s.read(guid).status();
        }
    }

    @Test
    void stuckListsChecksAndFixesAStore() throws Exception {
        Job stopping = job(6, now.minusHours(2), now.minusHours(3), null, 55, 3);
        Job aborting = job(2, now.minusHours(1), now.minusHours(3), null, 55, 3);
        Job created = job(0, now.minusDays(2), null, null, 55, 3);
        Job fresh = job(1, now.minusMinutes(5), null, null, 55, 3);
        Path file = store(List.of(stopping, aborting, created, fresh));
        String s = file.toString();

        CliRun list = CliRun.of("job", "stuck", "--store", s);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(stopping.guid().toString(), aborting.guid().toString(), created.guid().toString())
                .doesNotContain(fresh.guid().toString()).contains("3 stuck");

        JsonNode array = json.readTree(CliRun.of("job", "stuck", "--json", "--store", s).out());
        assertThat(array).hasSize(3);
        JsonNode first = array.get(0);
        assertThat(first.get("guid").asText()).isEqualTo(stopping.guid().toString());
        assertThat(first.get("status").asInt()).isEqualTo(6);
        assertThat(first.get("rule").asText()).isEqualTo("stop-ignored");
        assertThat(first.get("since").asText()).isEqualTo(JobJson.formatTime(stopping.updatedAt())); // with its seconds, :00 too
        assertThat(first.get("since_from_history").asBoolean()).isFalse();
        assertThat(first.get("stuck_seconds").asLong()).isBetween(7_200L, 7_300L);
        assertThat(first.get("reason").asText()).isNotBlank();
        assertThat(first.get("suggested_fix").get("status").asInt()).isEqualTo(2);
        assertThat(array.get(2).get("rule").asText()).isEqualTo("never-queued");
        assertThat(array.get(2).get("suggested_fix").isNull()).isTrue();

        assertThat(json.readTree(CliRun.of("job", "stuck", "--json", "--rule", "abort-hung", "--store", s).out()))
                .hasSize(1);
        CliRun badRule = CliRun.of("job", "stuck", "--rule", "slow", "--store", s);
        assertThat(badRule.code()).isEqualTo(2);
        assertThat(badRule.err()).contains("no rule named \"slow\"");
        assertThat(CliRun.of("job", "stuck", "--check", "--store", s).code()).isEqualTo(AttentionCommands.STUCK_FOUND);

        CliRun dry = CliRun.of("job", "stuck", "--fix", "--dry-run", "--store", s);
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would set " + stopping.guid() + ": 6 \u2014 Stopping \u2192 2 \u2014 Aborting")
                .contains("would set " + aborting.guid() + ": 2 \u2014 Aborting \u2192 3 \u2014 Aborted")
                .contains("2 would change; nothing changed");
        assertThat(status(file, stopping.guid())).isEqualTo(6);

        CliRun fix = CliRun.of("job", "stuck", "--fix", "--rule", "stop-ignored,abort-hung", "--store", s);
        assertThat(fix.code()).as(fix.err()).isZero();
        assertThat(fix.out()).contains("set " + stopping.guid()).contains("2 fixed, 0 changed meanwhile");
        assertThat(status(file, stopping.guid())).isEqualTo(2);
        assertThat(status(file, aborting.guid())).isEqualTo(3);
        assertThat(status(file, created.guid())).isZero();

        // only the job created two days ago and never queued is left: for a person to review
        CliRun check = CliRun.of("job", "stuck", "--check", "--rule", "stop-ignored,abort-hung", "--store", s);
        assertThat(check.code()).as(check.out()).isZero();
        assertThat(check.out()).contains("0 stuck");
    }

    @Test
    void aFixOnARemoteProfileGoesThroughTheOutboxAndAConflictIsNotOverwritten() throws Exception {
        try (LocalApiServer server = new LocalApiServer(dir.resolve("server"));
             FaultProxy proxy = new FaultProxy(server.server.port())) {
            Path key = Files.writeString(dir.resolve("key.txt"), LocalApiServer.KEY.reveal());
            Job stopping = job(6, now.minusHours(2), now.minusHours(3), null, 55, 3);
            Job changedThere = job(6, now.minusHours(2), now.minusHours(3), null, 55, 3);
            server.store.insertAll(List.of(stopping, changedThere).iterator(), n -> { }, () -> false);
            List<String> remote = List.of("--remote", proxy.baseUrl(), "--api-key-file", key.toString(), "--timeout", "2");
            for (Job j : List.of(stopping, changedThere)) { // the console learns the jobs by reading them
                assertThat(CliRun.of(args(List.of("job", "read", j.guid().toString()), remote)).code()).isZero();
            }
            server.store.updateStatus(changedThere.guid(), 7); // the robot stopped it after all

            CliRun fix = CliRun.of(args(List.of("job", "stuck", "--fix"), remote));

            assertThat(fix.out()).contains("set " + stopping.guid())
                    .contains("conflict " + changedThere.guid()).contains("1 fixed").contains("1 in conflict");
            assertThat(fix.code()).isEqualTo(7);
            assertThat(server.store.read(stopping.guid()).status()).isEqualTo(2);
            assertThat(server.store.read(changedThere.guid()).status()).as("not overwritten").isEqualTo(7);
        }
    }

    private static String[] args(List<String> command, List<String> target) {
        List<String> all = new ArrayList<>(command);
        all.addAll(target);
        return all.toArray(String[]::new);
    }

    @Test
    void theOverviewsNumbersAreTheJobsOfTheWindow() throws Exception {
        List<Job> jobs = new ArrayList<>();
        // in the last 24 hours: per process version, finished jobs, some failed; robots start them
        int[][] finishedInWindow = {{4, 11}, {5, 11}, {5, 12}, {4, 12}, {4, 12}, {3, 13}, {7, 13}, {5, 13}, {4, 14}};
        int i = 0;
        for (int[] f : finishedInWindow) {
            LocalDateTime done = now.minusHours(1 + i % 20);
            jobs.add(job(f[0], done, done.minusMinutes(10), done, f[1], 1 + i % 3));
            i++;
        }
        jobs.add(job(5, now.minusDays(3), now.minusDays(3), now.minusDays(3), 11, 1)); // outside the window
        jobs.add(job(8, now.minusMinutes(3), now.minusMinutes(3), null, 11, 2));
        jobs.add(job(8, now.minusMinutes(2), now.minusMinutes(2), null, 12, 2));
        jobs.add(job(1, now.minusMinutes(1), null, null, 12, 2));
        Path file = store(jobs);

        CliRun r = CliRun.of("job", "overview", "--since", "24h", "--json", "--store", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode o = json.readTree(r.out());

        LocalDateTime from = now.minusHours(24);
        List<Job> window = jobs.stream().filter(j -> j.completedAt() != null && !j.completedAt().isBefore(from)).toList();
        assertThat(o.get("finished").asLong()).isEqualTo(window.size()).isEqualTo(9);
        assertThat(o.get("failed").asLong()).isEqualTo(window.stream().filter(j -> j.status() == 5).count());
        assertThat(o.get("succeeded").asLong()).isEqualTo(window.stream().filter(j -> j.status() == 4).count());
        assertThat(o.get("aborted").asLong()).isEqualTo(1);
        assertThat(o.get("stopped").asLong()).isEqualTo(1);
        assertThat(o.get("running").asLong()).isEqualTo(2);
        assertThat(o.get("pending").asLong()).isEqualTo(1);
        // failure rate per process: 11 → 1 of 2, 12 → 1 of 3, 13 → 1 of 3, 14 → 0 (left out)
        JsonNode processes = o.get("failure_rate_per_process");
        Map<Long, long[]> expected = Map.of(11L, new long[] {2, 1}, 12L, new long[] {3, 1}, 13L, new long[] {3, 1});
        assertThat(processes).hasSize(3);
        assertThat(processes.get(0).get("process_version_id").asLong()).isEqualTo(11);
        for (JsonNode p : processes) {
            long[] e = expected.get(p.get("process_version_id").asLong());
            assertThat(new long[] {p.get("finished").asLong(), p.get("failed").asLong()}).isEqualTo(e);
        }
        long startedByRobot2 = jobs.stream().filter(j -> j.robotId() == 2 && j.startedAt() != null
                && !j.startedAt().isBefore(from)).count();
        assertThat(o.get("busiest_robots").get(0).get("robot_id").asLong()).isEqualTo(2);
        assertThat(o.get("busiest_robots").get(0).get("started").asLong()).isEqualTo(startedByRobot2);
        long perHour = 0;
        for (JsonNode h : o.get("per_hour")) {
            perHour += h.get("finished").asLong();
        }
        assertThat(perHour).isEqualTo(9);

        CliRun bad = CliRun.of("job", "overview", "--since", "yesterday", "--store", file.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--since must be");
    }
}
