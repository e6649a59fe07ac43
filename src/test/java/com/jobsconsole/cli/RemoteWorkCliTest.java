package com.jobsconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.testing.FaultProxy;
import com.jobsconsole.testing.LocalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Remote work from the command line: --queue, job outbox, job sync (exit 0/5/7, --resolve), job refresh. */
class RemoteWorkCliTest {

    @TempDir
    Path dir;
    private LocalApiServer server;
    private FaultProxy proxy;
    private Path keyFile;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() throws Exception {
        server = new LocalApiServer(dir);
        proxy = new FaultProxy(server.server.port());
        keyFile = dir.resolve("key.txt");
        Files.writeString(keyFile, LocalApiServer.KEY.reveal() + "\n");
    }

    @AfterEach
    void tearDown() throws Exception {
        proxy.close();
        server.close();
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--remote", proxy.baseUrl(), "--api-key-file", keyFile.toString(), "--timeout", "2"));
        return CliRun.of(all.toArray(String[]::new));
    }

    private String create(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("job", "create", "--process-version", "3", "--robot", "4"));
        args.addAll(List.of(extra));
        CliRun r = run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        return json.readTree(r.out()).get("guid").asText();
    }

    @Test
    void aWriteTheOrchestratorCannotTakeFailsWithFiveUnlessQueued() throws Exception {
        String guid = create();
        proxy.refuse();

        CliRun plain = run("job", "update", guid, "--status", "6");
        assertThat(plain.code()).isEqualTo(5);
        assertThat(plain.err()).contains("cannot be reached");
        assertThat(run("job", "outbox").out()).contains("Nothing waits");

        CliRun queued = run("job", "update", guid, "--status", "6", "--queue");
        assertThat(queued.code()).as(queued.err()).isZero();
        assertThat(queued.err()).contains("queued: 1 waiting for " + proxy.baseUrl());
        CliRun queuedCreate = run("job", "create", "--process-version", "3", "--robot", "4", "--queue");
        assertThat(queuedCreate.code()).isZero();
        assertThat(queuedCreate.err()).contains("queued: 2 waiting");
        String newGuid = json.readTree(queuedCreate.out()).get("guid").asText();

        CliRun listed = run("job", "outbox", "--json");
        JsonNode outbox = json.readTree(listed.out());
        assertThat(outbox).as(listed.out() + listed.err()).hasSize(2);
        assertThat(outbox.get(0).get("guid").asText()).isEqualTo(guid);
        assertThat(outbox.get(0).get("op").asText()).isEqualTo("update");
        assertThat(outbox.get(0).get("base_status").asInt()).isEqualTo(1);
        assertThat(outbox.get(0).get("problem").asText()).contains("cannot be reached");
        assertThat(outbox.get(0).get("queued_at").asText()).as("to the second, whatever the second")
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(outbox.get(1).get("op").asText()).isEqualTo("create");

        CliRun down = run("job", "sync");
        assertThat(down.code()).as("the orchestrator does not answer").isEqualTo(5);
        assertThat(down.out()).contains("Sent 0 write(s)").contains("2 waiting");

        proxy.heal();
        CliRun sent = run("job", "sync");
        assertThat(sent.code()).as(sent.err()).isZero();
        assertThat(sent.out()).contains("Sent 2 write(s)").contains("0 waiting, 0 in conflict");
        assertThat(server.store.read(UUID.fromString(guid)).status()).isEqualTo(6);
        assertThat(server.store.read(UUID.fromString(newGuid)).robotId()).isEqualTo(4L);
    }

    @Test
    void aConflictMadeBehindTheConsolesBackIsExitSevenUntilResolved() throws Exception {
        String guid = create();
        server.store.updateStatus(UUID.fromString(guid), 8); // another administrator

        CliRun update = run("job", "update", guid, "--status", "6");
        assertThat(update.code()).isEqualTo(7);
        assertThat(update.err()).contains("changed elsewhere").contains("8").contains("job sync --resolve");
        assertThat(server.store.read(UUID.fromString(guid)).status()).isEqualTo(8);

        CliRun outbox = run("job", "outbox");
        assertThat(outbox.out()).contains("CONFLICT").contains(guid).contains("update 1 -> 6 (theirs 8)")
                .contains("0 waiting, 1 in conflict");
        // a later change queued behind the conflict: still 7 (not 5: the orchestrator answered), and why on stderr
        assertThat(run("job", "update", guid, "--status", "5", "--queue").code()).isZero();
        CliRun sync = run("job", "sync");
        assertThat(sync.code()).as(sync.err()).isEqualTo(7);
        assertThat(sync.err()).contains("conflict: " + guid).contains("changed elsewhere")
                .contains("1 later change(s) wait behind it").contains("job sync --resolve");
        assertThat(run("job", "sync", "--resolve", guid).code()).as("a decision is needed").isEqualTo(2);
        assertThat(run("job", "sync", "--resolve", guid, "--mine", "--theirs").code()).isEqualTo(2);

        // the decision's dry run: what it would change, and nothing changed (not the outbox, not the orchestrator)
        String outboxBefore = run("job", "outbox").out();
        CliRun dry = run("job", "sync", "--resolve", guid, "--theirs", "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would decide " + guid + " for theirs: 5 \u2014 Failed \u2192 8 \u2014 In progress"
                + " in the console, dropping 2 waiting change(s); nothing changed (--dry-run)");
        CliRun dryMine = run("job", "sync", "--resolve", guid, "--mine", "--dry-run");
        assertThat(dryMine.out()).contains("for mine: 8 \u2014 In progress \u2192 6 \u2014 Stopping on the orchestrator");
        assertThat(run("job", "outbox").out()).isEqualTo(outboxBefore);
        assertThat(server.store.read(UUID.fromString(guid)).status()).isEqualTo(8);
        assertThat(run("job", "sync", "--dry-run").code()).as("--dry-run goes with --resolve").isEqualTo(2);

        CliRun mine = run("job", "sync", "--resolve", guid, "--mine");
        assertThat(mine.code()).as(mine.err()).isZero();
        assertThat(server.store.read(UUID.fromString(guid)).status()).as("mine, then the one behind it").isEqualTo(5);
        assertThat(run("job", "sync", "--resolve", guid, "--theirs").err()).contains("no conflict");
    }

    @Test
    void aCreateWhoseAnswerIsLostIsSettledBySyncWithoutASecondJob() throws Exception {
        proxy.fail(line -> line.startsWith("POST /api/job/create"), FaultProxy.Fault.DROP_AFTER_COMMIT, 1);
        CliRun lost = run("job", "create", "--process-version", "3", "--robot", "4");
        assertThat(lost.code()).isEqualTo(5);
        assertThat(lost.err()).contains("answer was lost");
        assertThat(run("job", "outbox").out()).contains("UNVERIFIED");

        CliRun sync = run("job", "sync");
        assertThat(sync.code()).as(sync.err()).isZero();
        assertThat(server.store.query(JobQuery.all()).total()).isEqualTo(1);
    }

    @Test
    void refreshReadsTheCacheAgainWithAProgressLineAndKeepsGoneJobsMarked() throws Exception {
        String a = create();
        String b = create();
        server.store.updateStatus(UUID.fromString(a), 8);
        server.store.delete(UUID.fromString(b));

        CliRun refresh = run("job", "refresh");
        assertThat(refresh.code()).as(refresh.err()).isZero();
        assertThat(refresh.err()).contains("read 2 of 2 (100 %)");
        assertThat(refresh.out()).contains("Read 1 of 2 job(s); 1 gone");
        JsonNode list = json.readTree(run("job", "list").out());
        assertThat(list).hasSize(2);
        CliRun cleared = run("job", "sync", "--clear-gone");
        assertThat(cleared.out()).contains("Removed 1 gone job(s)");
        assertThat(json.readTree(run("job", "list").out())).hasSize(1);
    }

    @Test
    void remoteOnlyCommandsOnAStoreSayWhatToUse() {
        CliRun r = CliRun.of("job", "outbox", "--store", dir.resolve("s.sqlite").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("use --remote or --profile");
        CliRun q = CliRun.of("job", "delete", UUID.randomUUID().toString(), "--queue", "--store",
                dir.resolve("s.sqlite").toString());
        assertThat(q.code()).isEqualTo(2);
        assertThat(q.err()).contains("--queue goes with --remote or --profile");
    }
}
