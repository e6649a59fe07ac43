package com.jobsconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code directory ...} and the names it gives {@code job read/list} and {@code job seed}, in-process. */
class DirectoryCliTest {

    @TempDir
    Path dir;
    private final ObjectMapper json = new ObjectMapper();

    private String[] withStore(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--store");
        all.add(dir.resolve("names.sqlite").toString());
        return all.toArray(String[]::new);
    }

    private CliRun run(String... args) {
        return CliRun.of(withStore(args));
    }

    @Test
    void setListRemoveAndTheNamesInJobReadAndList() throws Exception {
        assertThat(run("directory", "set", "robot", "25", "--name", "WS-FIN-07", "--detail", "vm-fin-07").code()).isZero();
        assertThat(run("directory", "set", "process-version", "55", "--name", "Invoice intake", "--detail", "v3")
                .out()).contains("process_version 55 is Invoice intake v3");
        CliRun created = run("job", "create", "--process-version", "55", "--robot", "25", "--account", "4");
        assertThat(created.code()).as(created.err()).isZero();
        String guid = json.readTree(created.out()).get("guid").asText();

        JsonNode read = json.readTree(run("job", "read", guid).out());
        assertThat(read.get("robot_name").asText()).isEqualTo("WS-FIN-07");
        assertThat(read.get("process_name").asText()).isEqualTo("Invoice intake v3");
        assertThat(read.has("account_name")).as("account 4 has no name").isFalse();
        assertThat(read.get("robot_id").asLong()).isEqualTo(25);
        JsonNode list = json.readTree(run("job", "list").out());
        assertThat(list.get(0).get("robot_name").asText()).isEqualTo("WS-FIN-07");

        CliRun listed = run("directory", "list");
        assertThat(listed.out()).contains("robot", "25", "WS-FIN-07 (vm-fin-07)", "Invoice intake v3");
        JsonNode robots = json.readTree(run("directory", "list", "--kind", "robot", "--json").out());
        assertThat(robots).hasSize(1);
        assertThat(robots.get(0).get("detail").asText()).isEqualTo("vm-fin-07");

        assertThat(run("directory", "remove", "robot", "25").code()).isZero();
        CliRun again = run("directory", "remove", "robot", "25");
        assertThat(again.code()).isEqualTo(CliContext.NOT_FOUND);
        assertThat(again.err()).contains("no robot 25");
        assertThat(json.readTree(run("job", "read", guid).out()).has("robot_name")).isFalse();

        assertThat(run("directory", "set", "printer", "1", "--name", "x").code()).isEqualTo(CliContext.INVALID_INPUT);
        assertThat(run("directory", "set", "robot", "0", "--name", "x").code()).isEqualTo(CliContext.INVALID_INPUT);
        assertThat(run("directory", "list", "--kind", "printer").err()).contains("robot, process_version or account");
    }

    @Test
    void anImportWithBadRowsChangesNothingUnlessToldToSkipThem() throws Exception {
        assertThat(run("directory", "set", "robot", "1", "--name", "Kept").code()).isZero();
        Path csv = dir.resolve("names.csv");
        Files.writeString(csv, """
                kind,id,name,machine
                robot,1,WS-OPS-01,vm-ops-01
                robot,2,WS-OPS-02,vm-ops-02
                printer,3,P-3,
                robot,-4,WS-X,
                account,5,,
                robot,2,WS-OPS-02b,
                process_version,9,Claims intake,
                """);
        CliRun refused = run("directory", "import", csv.toString());
        assertThat(refused.code()).isEqualTo(CliContext.INVALID_INPUT);
        assertThat(refused.out()).contains("line 4: kind \u201cprinter\u201d", "line 5: id \u201c-4\u201d", "line 6: no name",
                "line 7: robot 2 appears twice in the file (first on line 3)");
        assertThat(refused.err()).contains("4 bad row(s); nothing was imported");
        try (SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("names.sqlite"), REFERENCE)) {
            JobDirectory d = store.capability(JobDirectory.class).orElseThrow();
            assertThat(d.entries(null)).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("Kept"));
        }

        CliRun skipped = run("directory", "import", csv.toString(), "--skip-bad");
        assertThat(skipped.code()).isZero();
        assertThat(skipped.out()).contains("Imported 3 names (4 bad row(s) left out)");
        Path out = dir.resolve("out.json");
        assertThat(run("directory", "export", "--out", out.toString()).code()).isZero();
        JsonNode exported = json.readTree(out.toFile());
        assertThat(exported).hasSize(3);
        JsonNode first = null;
        for (JsonNode e : exported) {
            if (e.get("kind").asText().equals("robot") && e.get("id").asLong() == 1) {
                first = e;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.get("name").asText()).as("the file's name replaces the one given").isEqualTo("WS-OPS-01");
        assertThat(first.get("detail").asText()).as("machine read as the detail").isEqualTo("vm-ops-01");

        // the JSON written is read back the same
        assertThat(run("directory", "remove", "robot", "1").code()).isZero();
        assertThat(run("directory", "import", out.toString()).out()).contains("Imported 3 names");
        assertThat(run("directory", "list", "--kind", "robot").out()).contains("WS-OPS-01", "WS-OPS-02");

        Path noName = dir.resolve("bad.csv");
        Files.writeString(noName, "kind,id\nrobot,1\n");
        CliRun columns = run("directory", "import", noName.toString());
        assertThat(columns.code()).isEqualTo(CliContext.INVALID_INPUT);
        assertThat(columns.err()).contains("kind, id and name");
    }

    @Test
    void seedNamesItsRobotsAndProcessesAndKeepsNamesAlreadyGiven() throws Exception {
        assertThat(run("directory", "set", "robot", "3", "--name", "Our own name").code()).isZero();
        assertThat(run("job", "seed", "--count", "200").code()).isZero();
        JsonNode robots = json.readTree(run("directory", "list", "--kind", "robot", "--json").out());
        assertThat(robots).hasSize(40);
        assertThat(robots.get(0).get("name").asText()).isEqualTo("WS-FIN-01");
        assertThat(robots.get(2).get("name").asText()).isEqualTo("Our own name");
        JsonNode jobs = json.readTree(run("job", "list", "--limit", "50").out());
        for (JsonNode j : jobs) {
            assertThat(j.get("robot_name").asText()).isNotBlank();
            assertThat(j.get("process_name").asText()).matches(".+ v\\d");
        }
    }

    @Test
    void aRemoteProfileKeepsItsDirectoryInItsCache() throws Exception {
        try (LocalApiServer server = new LocalApiServer(dir.resolve("server"))) {
            Path key = dir.resolve("key.txt");
            Files.writeString(key, LocalApiServer.KEY.reveal());
            String[] remote = {"--remote", server.baseUrl(), "--api-key-file", key.toString()};
            List<String> set = new ArrayList<>(List.of("directory", "set", "robot", "7", "--name", "WS-REMOTE"));
            set.addAll(List.of(remote));
            assertThat(CliRun.of(set.toArray(String[]::new)).code()).isZero();
            List<String> list = new ArrayList<>(List.of("directory", "list", "--json"));
            list.addAll(List.of(remote));
            JsonNode entries = json.readTree(CliRun.of(list.toArray(String[]::new)).out());
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(e.get("kind").asText()).isEqualTo(DirectoryKind.ROBOT.wire());
                assertThat(e.get("name").asText()).isEqualTo("WS-REMOTE");
            });
        }
    }

    @Test
    void refreshNamesTheRobotsTheOrchestratorAnswersWithTheirIdsAndServeAnswersThemFromItsDirectory() throws Exception {
        try (LocalApiServer server = new LocalApiServer(dir.resolve("server"))) {
            JobDirectory served = server.store.capability(JobDirectory.class).orElseThrow();
            String guid = "6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5";
            served.put(List.of(new DirectoryEntry(DirectoryKind.ROBOT, 25, "WS-FIN-07", "vm-fin-07", guid, null),
                    new DirectoryEntry(DirectoryKind.ROBOT, 26, "WS-FIN-08", null, null, null),
                    DirectoryEntry.of(DirectoryKind.ACCOUNT, 4, "Finance")));
            // serve's robot methods, as the orchestrator documents them
            RawHttp.Answer all = RawHttp.send(server.server.port(), RawHttp.request("GET",
                    "/api/robot/read".getBytes(StandardCharsets.US_ASCII), null, null), 5_000);
            assertThat(all.status()).isEqualTo(200);
            JsonNode robots = json.readTree(all.body());
            assertThat(robots).hasSize(2);
            assertThat(robots.get(0).get("id").asLong()).isEqualTo(25);
            assertThat(robots.get(0).get("Name").asText()).isEqualTo("WS-FIN-07");
            RawHttp.Answer one = RawHttp.send(server.server.port(), RawHttp.request("GET",
                    ("/api/robot/read/" + guid).getBytes(StandardCharsets.US_ASCII), null, null), 5_000);
            assertThat(json.readTree(one.body()).get("Machine").asText()).isEqualTo("vm-fin-07");
            RawHttp.Answer none = RawHttp.send(server.server.port(), RawHttp.request("GET",
                    ("/api/robot/read/" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII), null, null), 5_000);
            assertThat(none.status()).isEqualTo(404);

            Path key = dir.resolve("key.txt");
            Files.writeString(key, LocalApiServer.KEY.reveal());
            String[] remote = {"--remote", server.baseUrl(), "--api-key-file", key.toString()};
            CliRun refreshed = CliRun.of(concat(new String[] {"directory", "refresh"}, remote));
            assertThat(refreshed.code()).as(refreshed.err()).isZero();
            assertThat(refreshed.out()).contains("Named 2 robots", "0 left out");
            JsonNode cached = json.readTree(CliRun.of(concat(new String[] {"directory", "list", "--json"}, remote)).out());
            assertThat(cached).extracting(e -> e.get("name").asText()).containsExactly("WS-FIN-07", "WS-FIN-08");
            assertThat(cached.get(0).get("guid").asText()).isEqualTo(guid);

            assertThat(run("directory", "refresh").code()).as("a store has no orchestrator to ask")
                    .isEqualTo(CliContext.INVALID_INPUT);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
