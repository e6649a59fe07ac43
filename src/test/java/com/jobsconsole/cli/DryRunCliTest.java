package com.jobsconsole.cli;

import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --dry-run} on {@code job update}, {@code job delete} and {@code job import} (issue 22): it prints what
 * would change, exits 0, and leaves the store exactly as it was (bad input still fails as without it).
 */
class DryRunCliTest {

    @TempDir
    Path dir;

    @Test
    void aDryRunSaysWhatWouldChangeAndChangesNothing() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        Job job;
        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            job = s.create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
        }
        String store = file.toString();
        byte[] before = Files.readAllBytes(file);

        CliRun update = CliRun.of("job", "update", job.guid().toString(), "--status", "6", "--dry-run", "--store", store);
        assertThat(update.code()).as(update.err()).isZero();
        assertThat(update.out()).isEqualTo("would set " + job.guid() + ": 1 \u2014 Pending \u2192 6 \u2014 Stopping;"
                + " nothing changed (--dry-run)" + System.lineSeparator());
        CliRun badStatus = CliRun.of("job", "update", job.guid().toString(), "--status", "42", "--dry-run", "--store", store);
        assertThat(badStatus.code()).isEqualTo(2);
        CliRun unknown = CliRun.of("job", "update", UUID.randomUUID().toString(), "--status", "6", "--dry-run",
                "--store", store);
        assertThat(unknown.code()).isEqualTo(3);

        CliRun delete = CliRun.of("job", "delete", job.guid().toString(), "--dry-run", "--store", store);
        assertThat(delete.code()).as(delete.err()).isZero();
        assertThat(delete.out()).contains("would delete " + job.guid() + " (1 \u2014 Pending)");

        Path csv = Files.writeString(dir.resolve("in.csv"), "guid,status,type,robot_id,process_version_id\n"
                + "6b1f0a52-8d3c-4e4e-9a51-0c6f5d2e7a10,4,1,3,55\n7c2f0a52-8d3c-4e4e-9a51-0c6f5d2e7a11,5,1,3,55\n");
        CliRun imported = CliRun.of("job", "import", csv.toString(), "--dry-run", "--store", store);
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("would import 2 jobs into").contains("nothing changed (--dry-run)");

        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            assertThat(s.read(job.guid()).status()).isEqualTo(1);
            assertThat(s.query(JobQuery.all()).total()).isEqualTo(1);
        }
        assertThat(Files.readAllBytes(file)).as("the file itself untouched").isEqualTo(before);
        Path none = dir.resolve("missing.sqlite");
        assertThat(CliRun.of("job", "import", csv.toString(), "--dry-run", "--store", none.toString()).code()).isNotZero();
        assertThat(none).as("a dry run makes no store").doesNotExist();
    }
}
