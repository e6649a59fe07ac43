package com.jobsconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code job journal} and {@code job undo} on a store file (issue 22). */
class JournalCliTest {

    @TempDir
    Path dir;

    @Test
    void theShellsChangesAreJournaledListedAndUndoneNewestFirst() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        Job job;
        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            job = s.create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
        }
        String store = file.toString();
        String g = job.guid().toString();
        assertThat(CliRun.of("job", "update", g, "--status", "8", "--store", store).code()).isZero();
        assertThat(CliRun.of("job", "update", g, "--status", "4", "--store", store).code()).isZero();

        CliRun list = CliRun.of("job", "journal", "--items", "--store", store);
        assertThat(list.code()).as(list.err()).isZero();
        String[] lines = list.out().split("\\R");
        assertThat(lines[0]).startsWith("#3 ").contains(JobJournal.osUser()).contains("Set status 4").contains("1 job(s)");
        assertThat(lines[1]).contains(g).contains("8 \u2014 In progress \u2192 4 \u2014 Succeeded");
        assertThat(list.out()).contains("#1 ").contains("Create");

        CliRun json = CliRun.of("job", "journal", "--json", "--guid", g, "--action", "status", "--store", store);
        JsonNode entries = JobJson.mapper().readTree(json.out());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("action").asText()).isEqualTo("status");
        assertThat(entries.get(0).get("user").asText()).isEqualTo(JobJournal.osUser());

        CliRun undo = CliRun.of("job", "undo", "--store", store);
        assertThat(undo.code()).as(undo.err()).isZero();
        assertThat(undo.out()).startsWith("undid #3 (Set status, 1 job(s)): 1 taken back; journal entry #4");
        CliRun again = CliRun.of("job", "undo", "--store", store);
        assertThat(again.out()).startsWith("undid #2");
        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            assertThat(s.read(job.guid()).status()).isEqualTo(1);
        }
        CliRun redo = CliRun.of("job", "undo", "5", "--store", store);
        assertThat(redo.out()).startsWith("redid #5");
        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            assertThat(s.read(job.guid()).status()).isEqualTo(8);
        }
        assertThat(CliRun.of("job", "undo", "2", "--store", store).code()).isZero(); // undone again
        CliRun undone = CliRun.of("job", "undo", "3", "--store", store);
        assertThat(undone.code()).as("#3 is undone already (by #4)").isEqualTo(2);
        assertThat(undone.err()).contains("already undone (by entry 4)");
        assertThat(CliRun.of("job", "undo", "999", "--store", store).code()).isEqualTo(3);
    }

    @Test
    void aJobChangedSinceIsLeftAsItIsAndTheUndoSaysSoWithExitSeven() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        Job job;
        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            job = s.create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
        }
        String store = file.toString();
        assertThat(CliRun.of("job", "update", job.guid().toString(), "--status", "8", "--store", store).code()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE job SET status = 5 WHERE guid = '" + job.guid() + "'"); // another program
        }
        byte[] before = Files.readAllBytes(file);
        CliRun undo = CliRun.of("job", "undo", "--store", store);
        assertThat(undo.code()).isEqualTo(7);
        assertThat(undo.out()).contains("left as it is: " + job.guid() + ": Job " + job.guid() + " was changed since");
        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            assertThat(s.read(job.guid()).status()).isEqualTo(5);
        }
        assertThat(before).isNotEmpty();
    }

    @Test
    void theRetentionIsSetAndBadValuesChangeNothing() {
        String store = dir.resolve("jobs.sqlite").toString();
        CliRun set = CliRun.of("job", "journal", "--keep-days", "30", "--keep-entries", "5000", "--store", store);
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(set.out()).contains("keeping 30 days, at most 5000 entries");
        CliRun bad = CliRun.of("job", "journal", "--keep-days", "0", "--store", store);
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("at least one day");
        try (SqliteJobGateway s = SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE)) {
            assertThat(s.capability(JobJournal.class).orElseThrow().retention())
                    .isEqualTo(new JobJournal.Retention(30, 5000));
        }
    }
}
