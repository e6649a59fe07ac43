package com.jobsconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.base.AppDirs;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.profiles.ProfileStore;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line, run in-process exactly as {@code java -jar jobs-console.jar ...} runs it. */
class CliTest {

    @TempDir
    Path dir;
    private LocalApiServer server;
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        CliContext.env = System::getenv;
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private String store() {
        return dir.resolve("cli.sqlite").toString();
    }

    private String[] withStore(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--store");
        all.add(store());
        return all.toArray(String[]::new);
    }

    @Test
    void createReadUpdateListDeleteOnAStore() throws Exception {
        CliRun created = run(withStore("job", "create", "--process-version", "55", "--robot", "3", "--account", "4",
                "--stop-after", "2031-01-02 03:04:05"));
        assertThat(created.code()).as(created.err()).isZero();
        JsonNode job = json.readTree(created.out());
        String guid = job.get("guid").asText();
        assertThat(job.get("robot_id").asInt()).isEqualTo(3);
        assertThat(job.get("stop_after").asText()).isEqualTo("2031-01-02 03:04:05");
        assertThat(job.get("source").asText()).isEqualTo("API");

        CliRun read = run(withStore("job", "read", guid));
        assertThat(read.code()).isZero();
        assertThat(json.readTree(read.out()).get("guid").asText()).isEqualTo(guid);

        CliRun update = run(withStore("job", "update", guid, "--status", "8"));
        assertThat(update.code()).isZero();
        assertThat(update.out()).isEmpty();

        CliRun list = run(withStore("job", "list", "--status", "8"));
        assertThat(list.code()).isZero();
        assertThat(json.readTree(list.out()).size()).isEqualTo(1);
        assertThat(json.readTree(run(withStore("job", "list", "--status", "1,0")).out()).size()).isZero();

        CliRun delete = run(withStore("job", "delete", guid));
        assertThat(delete.code()).isZero();
        assertThat(delete.out()).isEmpty();
        assertThat(run(withStore("job", "read", guid)).code()).isEqualTo(CliContext.NOT_FOUND);
    }

    @Test
    void exitCodesTellWhatWentWrongInOneLine() {
        CliRun badGuid = run(withStore("job", "read", "not-a-guid"));
        assertThat(badGuid.code()).isEqualTo(2);
        assertThat(badGuid.err().strip()).isEqualTo("jobs-console job read: “not-a-guid” is not a GUID: expected 32 "
                + "hexadecimal digits in the form 8-4-4-4-12.");
        assertThat(badGuid.err().lines()).hasSize(1);

        assertThat(run(withStore("job", "update", UUID.randomUUID().toString(), "--status", "8")).code()).isEqualTo(3);
        assertThat(run(withStore("job", "create", "--process-version", "1", "--robot", "1", "--status", "42")).code())
                .isEqualTo(2);
        assertThat(run(withStore("job", "create", "--process-version", "x", "--robot", "1")).code()).isEqualTo(2);
        assertThat(run(withStore("job", "create", "--robot", "1")).code()).as("missing required option").isEqualTo(2);
        assertThat(run(withStore("job", "list", "--limit", "999999")).code()).isEqualTo(2);
        String guid = UUID.randomUUID().toString();
        assertThat(run(withStore("job", "create", "--guid", guid, "--process-version", "1", "--robot", "1")).code()).isZero();
        CliRun dup = run(withStore("job", "create", "--guid", guid, "--process-version", "1", "--robot", "1"));
        assertThat(dup.code()).isEqualTo(1);
        assertThat(dup.err()).contains("exists already");
    }

    @Test
    void aStoreThatIsNotADatabaseIsUnavailableAndUntouched() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.sqlite"), "hello");
        CliRun r = run("job", "list", "--store", junk.toString());
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err()).contains("is not a SQLite database");
        assertThat(Files.readString(junk)).isEqualTo("hello");
    }

    @Test
    void theSameCommandsWorkOnARemoteOrchestratorWithAKeyFromAFileOrTheEnvironment() throws Exception {
        server = new LocalApiServer(dir);
        Path keyFile = Files.writeString(dir.resolve("key.txt"), LocalApiServer.KEY.reveal() + "\n");
        CliRun created = run("job", "create", "--process-version", "9", "--robot", "2",
                "--remote", server.baseUrl(), "--api-key-file", keyFile.toString());
        assertThat(created.code()).as(created.err()).isZero();
        String guid = json.readTree(created.out()).get("guid").asText();
        assertThat(server.store.read(UUID.fromString(guid)).robotId()).isEqualTo(2L);

        CliContext.env = Map.of("RPA_KEY", LocalApiServer.KEY.reveal())::get;
        CliRun read = run("job", "read", guid, "--remote", server.baseUrl(), "--api-key-env", "RPA_KEY", "--auth", "basic");
        assertThat(read.code()).as(read.err()).isZero();
        CliRun list = run("job", "list", "--remote", server.baseUrl(), "--api-key-env", "RPA_KEY");
        assertThat(json.readTree(list.out()).size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCachedJobReadsOfflineMarkedStaleUnlessOnlineIsAsked() throws Exception {
        server = new LocalApiServer(dir);
        Path keyFile = Files.writeString(dir.resolve("key.txt"), LocalApiServer.KEY.reveal() + "\n");
        String url = server.baseUrl();
        CliRun created = run("job", "create", "--process-version", "9", "--robot", "2", "--remote", url,
                "--api-key-file", keyFile.toString());
        String guid = json.readTree(created.out()).get("guid").asText();
        server.close();
        server = null;
        CliRun offline = run("job", "read", guid, "--remote", url, "--api-key-file", keyFile.toString(), "--timeout", "2");
        assertThat(offline.code()).as(offline.err()).isZero();
        assertThat(json.readTree(offline.out()).get("guid").asText()).isEqualTo(guid);
        assertThat(offline.err()).contains("stale").contains("last showed it at").contains("cannot be reached");
        CliRun online = run("job", "read", guid, "--online", "--remote", url, "--api-key-file", keyFile.toString(),
                "--timeout", "2");
        assertThat(online.code()).isEqualTo(5);
        assertThat(online.out()).isEmpty();
        assertThat(online.err()).contains("cannot be reached").doesNotContain("copy kept here");
    }

    @Test
    void aWrongKeyIsExitCode4AndTheKeyIsNeverPrinted() throws Exception {
        server = new LocalApiServer(dir);
        Path keyFile = Files.writeString(dir.resolve("key.txt"), "wrong-key-123");
        CliRun r = run("job", "read", UUID.randomUUID().toString(), "--remote", server.baseUrl(),
                "--api-key-file", keyFile.toString());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("401").doesNotContain("wrong-key-123");
    }

    @Test
    void anUnreachableOrchestratorIsExitCode5() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key.txt"), "k");
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun r = run("job", "read", UUID.randomUUID().toString(), "--remote", "http://127.0.0.1:" + port,
                "--api-key-file", keyFile.toString(), "--timeout", "2");
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err()).contains("cannot be reached");
    }

    @Test
    void targetMistakesAreInvalidInput() throws Exception {
        assertThat(run("job", "list", "--remote", "http://127.0.0.1:1").code()).isEqualTo(2);
        assertThat(run("job", "list", "--remote", "ftp://host", "--api-key-env", "X").code()).isEqualTo(2);
        assertThat(run("job", "list", "--remote", "http://u:p@host", "--api-key-env", "X").err())
                .contains("without a user name");
        assertThat(run("job", "list", "--store", store(), "--remote", "http://h").code()).isEqualTo(2);
        assertThat(run("job", "list", "--profile", "nope").err()).contains("no profile named");
        CliContext.env = Map.<String, String>of()::get;
        assertThat(run("job", "list", "--remote", "http://127.0.0.1:1", "--api-key-env", "UNSET").err())
                .contains("UNSET is not set");
    }

    @Test
    void aGuiProfileCanBeUsedByName() throws Exception {
        server = new LocalApiServer(dir);
        ProfileStore profiles = new ProfileStore(AppDirs.current().configDir());
        String name = "test-" + UUID.randomUUID();
        profiles.save(null, new ConnectionProfile(name, server.baseUrl(), AuthScheme.BEARER, 2, 5, null),
                LocalApiServer.KEY);
        try {
            CliRun r = run("job", "create", "--process-version", "1", "--robot", "1", "--profile", name);
            assertThat(r.code()).as(r.err()).isZero();
        } finally {
            profiles.delete(name);
        }
    }

    @Test
    void versionSaysThePomsVersion() throws Exception {
        CliRun r = run("--version");
        assertThat(r.code()).isZero();
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.substring(pom.indexOf("<version>") + 9, pom.indexOf("</version>"));
        assertThat(r.out().strip()).isEqualTo("Jobs Console " + version);
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"job", "--help"},
                new String[] {"job", "create", "--help"}, new String[] {"job", "list", "--help"},
                new String[] {"serve", "--help"})) {
            CliRun r = run(args);
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage:");
        }
        assertThat(run("job", "create", "--help").out()).contains("--process-version").contains("--remote")
                .contains("--api-key-file").contains("--profile");
    }

    @Test
    void serveAnswersRealRequestsLogsThemAndKeepsEveryWriteAfterStopping() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key.txt"), LocalApiServer.KEY.reveal());
        Path storeFile = dir.resolve("served.sqlite");
        ServeCommand serve = new ServeCommand();
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(serve);
        cl.setOut(new PrintWriter(out, true));
        int[] code = {-1};
        Thread t = new Thread(() -> code[0] = cl.execute("--store", storeFile.toString(), "--port", "0",
                "--api-key-file", keyFile.toString()));
        t.start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> serve.running != null);
        String url = "http://127.0.0.1:" + serve.running.port();
        Path clientKey = Files.writeString(dir.resolve("client-key.txt"), LocalApiServer.KEY.reveal());
        CliRun created = run("job", "create", "--process-version", "5", "--robot", "6", "--remote", url,
                "--api-key-file", clientKey.toString());
        assertThat(created.code()).as(created.err()).isZero();
        serve.stop.countDown();
        t.join(10_000);
        assertThat(code[0]).isZero();
        assertThat(out.toString()).contains("Serving the Job API on http://127.0.0.1:")
                .contains("POST /api/job/create 200").doesNotContain(LocalApiServer.KEY.reveal());
        String guid = json.readTree(created.out()).get("guid").asText();
        try (SqliteJobGateway g = SqliteJobGateway.open(storeFile, TestStore.REFERENCE)) {
            assertThat(g.read(UUID.fromString(guid)).robotId()).isEqualTo(6L);
        }
    }

    @Test
    void seedFillsAStoreWithRealisticJobsAndPrintsTheRate() throws Exception {
        CliRun r = run(withStore("job", "seed", "--count", "2500"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Seeded 2500 jobs into ").contains("rows/s");
        JsonNode failed = json.readTree(run(withStore("job", "list", "--status", "5", "--limit", "10000")).out());
        JsonNode all = json.readTree(run(withStore("job", "list", "--limit", "10000")).out());
        assertThat(all.size()).isEqualTo(2500);
        assertThat(failed.size()).isBetween(100, 500);
        assertThat(run(withStore("job", "seed", "--count", "0")).code()).isEqualTo(2);
    }

    @Test
    void exportAndImportRoundTripAndBadRowsWriteNothing() throws Exception {
        assertThat(run(withStore("job", "seed", "--count", "300")).code()).isZero();
        Path csv = dir.resolve("jobs.csv");
        CliRun exported = run(withStore("job", "export", "--out", csv.toString(), "--format", "csv"));
        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(exported.out()).startsWith("Exported 300 jobs to ");
        String other = dir.resolve("other.sqlite").toString();
        CliRun imported = run("job", "import", csv.toString(), "--store", other);
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).startsWith("Imported 300 jobs into ");
        assertThat(json.readTree(run("job", "list", "--limit", "1000", "--store", other).out()).size()).isEqualTo(300);

        Path bad = Files.writeString(dir.resolve("bad.csv"), "guid,status\n" + UUID.randomUUID() + ",1\nnope,1\n");
        String third = dir.resolve("third.sqlite").toString();
        CliRun refused = run("job", "import", bad.toString(), "--store", third);
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.out()).contains("line 3: \u201cnope\u201d is not a GUID");
        assertThat(json.readTree(run("job", "list", "--store", third).out()).size()).isZero();
        assertThat(run("job", "import", bad.toString(), "--store", third, "--skip-bad").code()).isZero();
        assertThat(json.readTree(run("job", "list", "--store", third).out()).size()).isEqualTo(1);

        Path xlsx = dir.resolve("jobs.xlsx");
        CliRun excel = run(withStore("job", "export", "--out", xlsx.toString()));
        assertThat(excel.code()).as(excel.err()).isZero();
        assertThat(Files.readAllBytes(xlsx)).startsWith('P', 'K'); // a zip, as every XLSX is
        assertThat(run("job", "import", xlsx.toString(), "--format", "xlsx", "--store", third).code()).isEqualTo(2);
    }

    @Test
    void serveRefusesAMissingKeyFile() {
        CliRun r = run("serve", "--store", store(), "--port", "0", "--api-key-file", dir.resolve("none").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot use the API key file");
    }
}
