package com.jobsconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.base.AppDirs;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.testing.LocalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production and read-only profiles on the command line (issue 22): {@code profile add/edit --production
 * --colour --read-only}; a read-only profile refuses every write with exit 6 and a message — nothing reaches
 * the orchestrator — while reads work; made writable again, the same write goes through. A real {@code serve}.
 */
class ProfileMarksCliTest {

    @TempDir
    Path dir;
    private LocalApiServer server;
    private String savedHome;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() throws Exception {
        savedHome = System.getProperty(AppDirs.HOME_PROPERTY);
        System.setProperty(AppDirs.HOME_PROPERTY, dir.resolve("home").toString());
        server = new LocalApiServer(dir);
    }

    @AfterEach
    void tearDown() {
        server.close();
        if (savedHome == null) {
            System.clearProperty(AppDirs.HOME_PROPERTY);
        } else {
            System.setProperty(AppDirs.HOME_PROPERTY, savedHome);
        }
    }

    @Test
    void aReadOnlyProfileRefusesEveryWriteWithSixAndReadsStillWork() throws Exception {
        Path key = Files.writeString(dir.resolve("key.txt"), LocalApiServer.KEY.reveal());
        CliRun added = CliRun.of("profile", "add", "Plant 2", "--url", server.baseUrl(), "--api-key-file",
                key.toString(), "--production", "--colour", "#1565c0", "--read-only");
        assertThat(added.code()).as(added.err()).isZero();
        JsonNode shown = json.readTree(CliRun.of("profile", "show", "Plant 2").out());
        assertThat(shown.get("production").asBoolean()).isTrue();
        assertThat(shown.get("colour").asText()).isEqualTo("#1565c0");
        assertThat(shown.get("readOnly").asBoolean()).isTrue();

        Job job = server.store.create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
        int requestsBefore = server.requests.size();
        CliRun update = CliRun.of("job", "update", job.guid().toString(), "--status", "6", "--profile", "Plant 2");
        assertThat(update.code()).isEqualTo(CliContext.READ_ONLY).isEqualTo(6);
        assertThat(update.err()).contains("\u201cPlant 2\u201d is read-only: nothing was changed");
        assertThat(CliRun.of("job", "delete", job.guid().toString(), "--profile", "Plant 2").code()).isEqualTo(6);
        assertThat(CliRun.of("job", "create", "--process-version", "55", "--robot", "3", "--profile", "Plant 2").code())
                .isEqualTo(6);
        assertThat(server.requests.size()).as("no write reached the orchestrator").isEqualTo(requestsBefore);
        assertThat(server.store.read(job.guid()).status()).isEqualTo(1);

        CliRun read = CliRun.of("job", "read", job.guid().toString(), "--profile", "Plant 2");
        assertThat(read.code()).as(read.err()).isZero();
        assertThat(CliRun.of("job", "stuck", "--profile", "Plant 2").code()).isZero();
        assertThat(CliRun.of("job", "stuck", "--fix", "--profile", "Plant 2").code()).as("a fix is a write").isEqualTo(6);

        CliRun badColour = CliRun.of("profile", "edit", "Plant 2", "--colour", "blue");
        assertThat(badColour.code()).isEqualTo(2);
        CliRun writable = CliRun.of("profile", "edit", "Plant 2", "--no-read-only");
        assertThat(writable.code()).as(writable.err()).isZero();
        assertThat(writable.out()).contains("production (#1565c0), writable");
        CliRun again = CliRun.of("job", "update", job.guid().toString(), "--status", "6", "--profile", "Plant 2");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(server.store.read(job.guid()).status()).isEqualTo(6);
    }
}
