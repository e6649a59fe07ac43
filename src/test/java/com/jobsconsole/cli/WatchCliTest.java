package com.jobsconsole.cli;

import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code job watch FILE|-} (issue 23): the statuses of the text's jobs now, then each change and delete. */
class WatchCliTest {

    @TempDir
    Path dir;

    @Test
    void printsEachJobsStatusNowAndNamesThoseNotFound() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        Job a;
        Job b;
        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            a = s.create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
            b = s.create(JobDraft.of(UUID.randomUUID(), 56, 3, 4));
            s.updateStatus(b.guid(), 8);
        }
        UUID missing = UUID.randomUUID();
        Path text = Files.writeString(dir.resolve("mail.txt"), "Hi, job {" + a.guid().toString().toUpperCase()
                + "} is stuck, and " + b.guid().toString().replace("-", "") + " too; not " + missing + ".\n");
        CliRun run = CliRun.of("job", "watch", text.toString(), "--once", "--store", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.out()).contains(a.guid() + "  1 Pending").contains(b.guid() + "  8 In progress");
        assertThat(run.err()).contains("not found: " + missing);

        Path none = Files.writeString(dir.resolve("none.txt"), "only " + missing);
        assertThat(CliRun.of("job", "watch", none.toString(), "--once", "--store", file.toString()).code()).isEqualTo(3);
        Path empty = Files.writeString(dir.resolve("empty.txt"), "no guid at all");
        assertThat(CliRun.of("job", "watch", empty.toString(), "--store", file.toString()).code()).isEqualTo(2);
        assertThat(CliRun.of("job", "watch", text.toString(), "--interval", "0", "--store", file.toString()).code())
                .isEqualTo(2);
    }

    @Test
    void followsEachChangeAndDeleteUntilEveryJobIsFinal() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        Job a;
        Job b;
        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            a = s.create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
            b = s.create(JobDraft.of(UUID.randomUUID(), 56, 3, 4));
        }
        Path text = Files.writeString(dir.resolve("ids.txt"), a.guid() + "\n" + b.guid() + "\n");
        // the command in a process of its own, its lines read as it prints them: each change is made once the
        // watcher has shown what came before
        Process watching = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djobs.console.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"),
                "com.jobsconsole.app.Launcher", "job", "watch", text.toString(), "--interval", "0.1", "--until-final",
                "--store", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        StringBuffer out = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(watching.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(l -> out.append(l).append('\n'));
            } catch (IOException e) {
                out.append("read failed: ").append(e);
            }
        });
        reader.start();
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> out.toString().contains(b.guid() + "  1 Pending"));
            try (SqliteJobGateway other = SqliteJobGateway.open(file, REFERENCE)) { // another program's changes
                other.updateStatus(a.guid(), 8);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> out.toString().contains("-> 8 In progress"));
                other.updateStatus(a.guid(), 4);
                other.delete(b.guid());
            }
            assertThat(watching.waitFor(20, TimeUnit.SECONDS)).as("it stopped once every job was final").isTrue();
            reader.join(5_000);
            assertThat(watching.exitValue()).as(out.toString()).isZero();
            assertThat(out.toString()).contains(a.guid() + "  1 Pending -> 8 In progress")
                    .contains(a.guid() + "  8 In progress -> 4 Succeeded").contains(b.guid() + "  deleted");
        } finally {
            watching.destroyForcibly();
        }
    }
}
