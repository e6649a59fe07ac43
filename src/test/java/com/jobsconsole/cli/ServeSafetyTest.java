package com.jobsconsole.cli;

import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code serve} beyond this machine speaks TLS, and a read-only store is refused by everything that opens it
 * (issue 22): a real HTTPS client with a self-made certificate, real HTTP, the real command line.
 */
class ServeSafetyTest {

    @TempDir
    Path dir;

    /** A serve run in this process until stopped. */
    private static final class Running implements AutoCloseable {
        final ServeCommand serve = new ServeCommand();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int[] code = {-1};
        final Thread thread;

        Running(String... args) {
            CommandLine cl = new CommandLine(serve);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> code[0] = cl.execute(args));
            thread.start();
        }

        Running started() throws Exception {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> serve.running != null || !thread.isAlive());
            assertThat(serve.running).as(err.toString()).isNotNull();
            return this;
        }

        int port() {
            return serve.running.port();
        }

        @Override
        public void close() throws Exception {
            serve.stop.countDown();
            thread.join(15_000);
        }
    }

    private Path keyFile() throws Exception {
        return Files.writeString(dir.resolve("key.txt"), LocalApiServer.KEY.reveal());
    }

    @Test
    void withAKeyStoreItServesHttpsThatARealTlsClientReadsAndPlainHttpDoesNot() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        Path password = Files.writeString(dir.resolve("tls-password"), "changeit\n");
        Path store = dir.resolve("served.sqlite");
        Job job;
        try (SqliteJobGateway s = SqliteJobGateway.open(store, REFERENCE)) {
            job = s.create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
        }
        try (Running r = new Running("--store", store.toString(), "--port", "0", "--api-key-file",
                keyFile().toString(), "--tls-keystore", certs.keyStore.toString(), "--tls-password-file",
                password.toString()).started()) {
            assertThat(r.out.toString()).contains("Serving the Job API on https://127.0.0.1:");
            CliRun read = CliRun.of("job", "read", job.guid().toString(), "--remote",
                    "https://localhost:" + r.port(), "--api-key-file", keyFile().toString(), "--ca-file",
                    certs.certificatePem.toString());
            assertThat(read.code()).as(read.err()).isZero();
            assertThat(read.out()).contains(job.guid().toString());
            String auth = "Bearer " + Base64.getEncoder().encodeToString(LocalApiServer.KEY.reveal()
                    .getBytes(StandardCharsets.UTF_8));
            HttpRequest plain = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port() + "/api/job/read/"
                    + job.guid())).header("Authorization", auth).timeout(java.time.Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.ofString()))
                    .as("plain HTTP gets no answer from the HTTPS port").isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void beyondLoopbackWithoutTlsItRefusesToStartUnlessToldAndThenWarns() throws Exception {
        Path store = dir.resolve("served.sqlite");
        try (Running r = new Running("--store", store.toString(), "--port", "0", "--host", "0.0.0.0",
                "--api-key-file", keyFile().toString())) {
            r.thread.join(15_000);
            assertThat(r.code[0]).isEqualTo(2);
            assertThat(r.err.toString()).contains("--host 0.0.0.0 is reachable from other machines")
                    .contains("--tls-keystore");
        }
        assertThat(store).as("nothing opened").doesNotExist();
        try (Running r = new Running("--store", store.toString(), "--port", "0", "--host", "0.0.0.0",
                "--api-key-file", keyFile().toString(), "--insecure-http").started()) {
            assertThat(r.err.toString()).contains("WARNING: plain HTTP on 0.0.0.0");
        }
        Path password = Files.writeString(dir.resolve("wrong"), "not-it\n");
        TestCertificates certs = TestCertificates.create(dir);
        try (Running r = new Running("--store", store.toString(), "--port", "0", "--api-key-file",
                keyFile().toString(), "--tls-keystore", certs.keyStore.toString(), "--tls-password-file",
                password.toString())) {
            r.thread.join(15_000);
            assertThat(r.code[0]).isEqualTo(2);
            assertThat(r.err.toString()).contains("cannot use the key store").contains("wrong password")
                    .doesNotContain("not-it");
        }
    }

    @Test
    void aReadOnlyStoreIsRefusedByTheCommandLineAndByServeUntilTheMarkIsTakenOff() throws Exception {
        Path store = dir.resolve("prod.sqlite");
        Job job;
        try (SqliteJobGateway s = SqliteJobGateway.open(store, REFERENCE)) {
            job = s.create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
        }
        CliRun marked = CliRun.of("store", "mark", "--store", store.toString(), "--production", "--read-only");
        assertThat(marked.code()).as(marked.err()).isZero();
        assertThat(marked.out()).contains("production (#c62828), read-only");
        CliRun refused = CliRun.of("job", "update", job.guid().toString(), "--status", "6", "--store", store.toString());
        assertThat(refused.code()).isEqualTo(6);
        assertThat(refused.err()).contains("prod.sqlite");
        assertThat(CliRun.of("job", "read", job.guid().toString(), "--store", store.toString()).code()).isZero();

        try (Running r = new Running("--store", store.toString(), "--port", "0", "--api-key-file",
                keyFile().toString()).started()) {
            String auth = "Bearer " + Base64.getEncoder().encodeToString(LocalApiServer.KEY.reveal()
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + r.port() + "/api/job/update")).header("Authorization", auth)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .PUT(HttpRequest.BodyPublishers.ofString("guid=" + job.guid() + "&status=6")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).isEqualTo(403);
            assertThat(put.body()).contains("read_only");
            HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + r.port() + "/api/job/read/" + job.guid())).header("Authorization", auth)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
        }
        try (SqliteJobGateway s = SqliteJobGateway.open(store, REFERENCE)) {
            assertThat(s.read(job.guid()).status()).as("nothing changed").isEqualTo(job.status());
        }
        assertThat(CliRun.of("store", "mark", "--store", store.toString(), "--no-read-only").code()).isZero();
        assertThat(CliRun.of("job", "update", job.guid().toString(), "--status", "6", "--store", store.toString())
                .code()).isZero();
    }
}
