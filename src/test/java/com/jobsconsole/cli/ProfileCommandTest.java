package com.jobsconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.base.AppDirs;
import com.jobsconsole.testing.LocalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code profile add|list|show|test|remove}, and a profile and {@code --remote} sharing one cache. */
class ProfileCommandTest {

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
        CliContext.env = System::getenv;
        if (savedHome == null) {
            System.clearProperty(AppDirs.HOME_PROPERTY);
        } else {
            System.setProperty(AppDirs.HOME_PROPERTY, savedHome);
        }
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void aProfileIsAddedListedShownTestedAndRemovedAndItsKeyIsNeverPrinted() throws Exception {
        String key = LocalApiServer.KEY.reveal();
        Path keyFile = Files.writeString(dir.resolve("key.txt"), key + "\n");
        CliRun added = run("profile", "add", "Prod EU", "--url", server.baseUrl(), "--api-key-file", keyFile.toString());
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(run("profile", "add", "Prod EU", "--url", server.baseUrl(), "--api-key-file", keyFile.toString())
                .code()).as("a name taken").isEqualTo(2);
        assertThat(run("profile", "add", "Other", "--url", server.baseUrl()).code()).as("no key").isEqualTo(2);
        assertThat(run("profile", "add", "Other", "--url", "ftp://x", "--api-key-file", keyFile.toString()).code())
                .as("a bad URL").isEqualTo(2);

        CliRun list = run("profile", "list", "--json");
        JsonNode all = json.readTree(list.out());
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("name").asText()).isEqualTo("Prod EU");
        assertThat(all.get(0).get("key").asText()).isEqualTo("set (never shown)");
        CliRun shown = run("profile", "show", "Prod EU");
        assertThat(shown.code()).isZero();
        for (CliRun r : new CliRun[] {added, list, shown, run("profile", "list")}) {
            assertThat(r.out() + r.err()).doesNotContain(key);
        }

        assertThat(run("profile", "test", "Prod EU").code()).isZero();
        CliContext.env = Map.of("BAD_KEY", "not-the-key")::get;
        assertThat(run("profile", "add", "Wrong key", "--url", server.baseUrl(), "--api-key-env", "BAD_KEY").code())
                .isZero();
        CliRun refused = run("profile", "test", "Wrong key");
        assertThat(refused.code()).isEqualTo(4);
        assertThat(refused.out()).contains("refuses the key").doesNotContain("not-the-key");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(run("profile", "add", "Down", "--url", "http://127.0.0.1:" + closed, "--api-key-file",
                keyFile.toString(), "--timeout", "2").code()).isZero();
        assertThat(run("profile", "test", "Down").code()).isEqualTo(5);

        assertThat(run("profile", "remove", "Prod EU").code()).isZero();
        assertThat(run("profile", "show", "Prod EU").code()).isEqualTo(2);
        assertThat(json.readTree(run("profile", "list", "--json").out())).hasSize(2);
    }

    @Test
    void aProfileAndRemoteWithTheSameUrlShareOneCacheAndRenamingKeepsIt() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key.txt"), LocalApiServer.KEY.reveal());
        assertThat(run("profile", "add", "Plant", "--url", server.baseUrl(), "--api-key-file", keyFile.toString())
                .code()).isZero();
        CliRun created = run("job", "create", "--process-version", "9", "--robot", "2", "--profile", "Plant");
        assertThat(created.code()).as(created.err()).isZero();
        String guid = json.readTree(created.out()).get("guid").asText();
        // the job is in the orchestrator's one cache: --remote lists it without reading it first
        CliRun listed = run("job", "list", "--remote", server.baseUrl(), "--api-key-file", keyFile.toString());
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(guid);
        // a profile of another name for the same orchestrator (as a rename leaves it) sees the same cache
        assertThat(run("profile", "remove", "Plant").code()).isZero();
        assertThat(run("profile", "add", "Plant 2", "--url", server.baseUrl() + "/", "--api-key-file",
                keyFile.toString()).code()).isZero();
        assertThat(run("job", "list", "--profile", "Plant 2").out()).contains(guid);
    }
}
