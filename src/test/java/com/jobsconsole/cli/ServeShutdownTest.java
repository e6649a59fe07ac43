package com.jobsconsole.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve} as a service manager stops it: a real process, sent SIGTERM or SIGINT (Ctrl-C). */
@Tag("slow")
class ServeShutdownTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalStopsItCleanlyTheStoreClosedAndItsSideFilesGone(String signal) throws Exception {
        String key = "k-" + UUID.randomUUID();
        Path keyFile = Files.writeString(dir.resolve("key"), key + "\n");
        Path store = dir.resolve("served.sqlite");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djobs.console.home=" + dir.resolve("home"), "-cp",
                System.getProperty("java.class.path"), "com.jobsconsole.app.Launcher", "serve", "--store",
                store.toString(), "--port", "0", "--api-key-file", keyFile.toString()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            lines.add(first);
            Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)").matcher(String.valueOf(first));
            assertThat(m.find()).as(String.valueOf(first)).isTrue();
            UUID guid = UUID.randomUUID();
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + m.group(1) + "/api/job/create"))
                    .header("Authorization", "Bearer " + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"guid\":\"" + guid
                            + "\",\"process_version_id\":55,\"robot_id\":1,\"account_id\":4}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(Files.exists(Path.of(store + "-wal"))).as("the WAL is in use while serving").isTrue();

            new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            for (String line; (line = out.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("Stopped; every answered write is in " + store));
        assertThat(Path.of(store + "-wal")).doesNotExist();
        assertThat(Path.of(store + "-shm")).doesNotExist();
        assertThat(lines).noneSatisfy(l -> assertThat(l).contains("Exception"));
    }
}
