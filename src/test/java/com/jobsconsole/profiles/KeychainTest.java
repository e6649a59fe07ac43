package com.jobsconsole.profiles;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.testing.LocalApiServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * API keys in the OS keychain (issue 22): the real command line, in a private D-Bus session with a real
 * Secret Service (GNOME Keyring, started here; CI installs it), and the user-only key file where none is.
 */
@Tag("slow")
class KeychainTest {

    @TempDir
    Path dir;

    private static boolean installed(String tool) {
        return List.of("/usr/bin", "/bin", "/usr/local/bin").stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    /** The command line in a new process; {@code keychain} on: inside a private D-Bus session with a keyring. */
    private Run cli(boolean keychain, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder command = new StringBuilder();
        if (keychain) {
            // the keyring is unlocked with a password of its own, in this test's own data directory
            command.append("printf 'test-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null && ");
        }
        command.append("exec '").append(java).append("' -Djobs.console.home='").append(dir.resolve("home"))
                .append("' -Djobs.console.keychain=").append(keychain ? "on" : "off").append(" -cp '")
                .append(System.getProperty("java.class.path")).append("' com.jobsconsole.app.Launcher");
        for (String a : args) {
            command.append(" '").append(a).append("'");
        }
        List<String> shell = keychain ? List.of("dbus-run-session", "--", "sh", "-c", command.toString())
                : List.of("sh", "-c", command.toString());
        ProcessBuilder pb = new ProcessBuilder(shell);
        Map<String, String> env = pb.environment();
        env.put("HOME", dir.resolve("user").toString());
        env.put("XDG_DATA_HOME", dir.resolve("user/.local/share").toString());
        env.put("XDG_RUNTIME_DIR", dir.resolve("runtime").toString());
        env.remove("DBUS_SESSION_BUS_ADDRESS"); // never the user's own session
        Files.createDirectories(dir.resolve("runtime"));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Run(int code, String out, String err) {
    }

    private Map<String, String> keyFile() throws Exception {
        Path keys = dir.resolve("home/config/keys.json");
        if (!Files.exists(keys)) {
            keys = Files.walk(dir.resolve("home")).filter(f -> f.getFileName().toString().equals("keys.json"))
                    .findFirst().orElse(null);
        }
        if (keys == null) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, String> m = new com.fasterxml.jackson.databind.ObjectMapper().readValue(keys.toFile(), Map.class);
        return m;
    }

    @Test
    void keysGoIntoTheSecretServiceAndTheKeyFilesOnesMoveThere() throws Exception {
        assumeThat(installed("dbus-run-session") && installed("gnome-keyring-daemon"))
                .as("a Secret Service to test against (CI installs dbus and gnome-keyring)").isTrue();
        try (LocalApiServer server = new LocalApiServer(dir.resolve("server"))) {
            var job = server.store.create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
            Path keyFile = Files.writeString(dir.resolve("key.txt"), LocalApiServer.KEY.reveal() + "\n");
            // a profile made before: its key in the key file
            Run before = cli(false, "profile", "add", "old", "--url", server.baseUrl(), "--api-key-file", keyFile.toString());
            assertThat(before.code()).as(before.err()).isZero();
            assertThat(keyFile()).containsKey("old");

            Run show = cli(true, "profile", "show", "old");
            assertThat(show.code()).as(show.err()).isZero();
            assertThat(show.out()).contains("\"keyKeptIn\" : \"the Secret Service\"")
                    .doesNotContain(LocalApiServer.KEY.reveal());
            assertThat(keyFile()).as("moved: out of the file once the keychain gave it back").doesNotContainKey("old");

            Run added = cli(true, "profile", "add", "new", "--url", server.baseUrl(), "--api-key-file", keyFile.toString());
            assertThat(added.out()).contains("key kept in the Secret Service");
            assertThat(keyFile()).doesNotContainKey("new");

            // the keys come back from the keychain: the orchestrator takes them
            for (String profile : List.of("old", "new")) {
                Run read = cli(true, "job", "read", job.guid().toString(), "--profile", profile);
                assertThat(read.code()).as(read.err()).isZero();
                assertThat(read.out()).contains(job.guid().toString());
            }
            assertThat(Files.walk(dir.resolve("user")).anyMatch(f -> f.toString().endsWith(".keyring")))
                    .as("kept by the keyring daemon, in this test's data directory").isTrue();
            Run removed = cli(true, "profile", "remove", "new");
            assertThat(removed.code()).as(removed.err()).isZero();
            assertThat(cli(true, "job", "read", job.guid().toString(), "--profile", "new").code()).isNotZero();
        }
    }

    @Test
    void withoutAKeychainTheKeyIsInTheUserOnlyFileAndShowSaysSo() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key.txt"), "k-" + UUID.randomUUID() + "\n");
        Run added = cli(false, "profile", "add", "here", "--url", "https://rpa.example.com", "--api-key-file",
                keyFile.toString());
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).contains("key kept in ").contains("keys.json");
        assertThat(keyFile()).containsKey("here");
        assertThat(cli(false, "profile", "show", "here").out()).contains("\"keyKeptIn\" : \"").contains("keys.json");
    }

    /** A keychain that refuses every write (a locked one), as a real one cannot be made to here. */
    private static final class Refusing implements KeyVault {
        final Map<String, String> kept = new HashMap<>();

        @Override
        public Optional<String> get(String profile) {
            return Optional.ofNullable(kept.get(profile));
        }

        @Override
        public void put(String profile, String key) {
            throw new IllegalStateException("locked");
        }

        @Override
        public void remove(String profile) {
            kept.remove(profile);
        }

        @Override
        public String where() {
            return "a locked keychain";
        }
    }

    @Test
    void aKeyTheKeychainDoesNotTakeStaysInTheFile() {
        Path config = dir.resolve("config");
        ProfileStore plain = new ProfileStore(config, Optional::empty);
        ConnectionProfile p = new ConnectionProfile("p", "https://rpa.example.com", AuthScheme.BEARER, 5, 15, null, 0);
        plain.save(null, p, ApiKey.of("the-key"));
        ProfileStore locked = new ProfileStore(config, () -> Optional.of(new Refusing()));
        assertThat(locked.key("p")).map(ApiKey::reveal).hasValue("the-key");
        assertThat(locked.keyLocation("p")).hasValue(config.resolve("keys.json").toString());
        assertThat(plain.keysFile()).content(StandardCharsets.UTF_8).contains("\"p\"");
    }
}
