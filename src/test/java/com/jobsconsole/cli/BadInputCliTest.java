package com.jobsconsole.cli;

import com.jobsconsole.testing.FaultProxy;
import com.jobsconsole.testing.LocalApiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to the command line gets a clear message and changes nothing (issue 17's loose ends). */
class BadInputCliTest {

    @TempDir
    Path dir;

    @Test
    void aCsvWhoseLastRowIsCutOffReportsThatRowAndImportsNoneOfIt() throws Exception {
        Path csv = dir.resolve("jobs.csv");
        String g1 = UUID.randomUUID().toString();
        String g2 = UUID.randomUUID().toString();
        Files.writeString(csv, "guid,status,type,source,process_version_id,robot_id\n"
                + g1 + ",1,1,API,7,3\n"
                + g2 + ",1,1"); // a download that stopped mid-row
        String store = dir.resolve("s.sqlite").toString();
        CliRun check = CliRun.of("job", "import", csv.toString(), "--store", store);
        assertThat(check.code()).as(check.err()).isEqualTo(CliContext.INVALID_INPUT);
        assertThat(check.out()).contains("line 3").contains("3 of the header’s 6 fields");
        CliRun list = CliRun.of("job", "list", "--store", store);
        assertThat(list.out()).doesNotContain(g2);
    }

    @Test
    void openingAJobWindowForSomethingThatIsNotAGuidSaysSoAndOpensNoWindow() {
        CliRun run = CliRun.of("--open", "robot-25");
        assertThat(run.code()).isEqualTo(CliContext.INVALID_INPUT);
        assertThat(run.err()).contains("robot-25").contains("GUID");
    }

    @Test
    void readingAnEmptyOrMissingFileCreatesAndChangesNothing() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.sqlite"));
        CliRun list = CliRun.of("job", "list", "--store", empty.toString());
        assertThat(list.code()).isEqualTo(CliContext.UNAVAILABLE);
        assertThat(list.err()).contains("is an empty file, not a store");
        assertThat(Files.size(empty)).as("still empty").isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("empty.sqlite");
        }

        Path missing = dir.resolve("missing.sqlite");
        CliRun read = CliRun.of("job", "read", UUID.randomUUID().toString(), "--store", missing.toString());
        assertThat(read.code()).isEqualTo(CliContext.UNAVAILABLE);
        assertThat(read.err()).contains("There is no store at");
        assertThat(missing).doesNotExist();

        // a write may start a store there
        CliRun create = CliRun.of("job", "create", "--process-version", "7", "--robot", "3", "--store", empty.toString());
        assertThat(create.code()).as(create.err()).isZero();
        assertThat(CliRun.of("job", "list", "--store", empty.toString()).code()).isZero();
    }

    @Test
    void aStoreWithADamagedHeaderIsReportedAsDamagedAndLeftUntouched() throws Exception {
        Path store = dir.resolve("damaged.sqlite");
        assertThat(CliRun.of("job", "create", "--process-version", "7", "--robot", "3", "--store", store.toString())
                .code()).isZero();
        Files.deleteIfExists(dir.resolve("damaged.sqlite-wal"));
        Files.deleteIfExists(dir.resolve("damaged.sqlite-shm"));
        for (int version : new int[] {-7, 2, 0}) {
            try (RandomAccessFile f = new RandomAccessFile(store.toFile(), "rw")) {
                f.seek(60); // the header's user_version
                f.writeInt(version);
            }
            byte[] before = Files.readAllBytes(store);
            CliRun list = CliRun.of("job", "list", "--store", store.toString());
            assertThat(list.code()).as("user_version %d: %s", version, list.err()).isEqualTo(CliContext.UNAVAILABLE);
            assertThat(list.err()).contains("is damaged or not a Jobs Console store")
                    .doesNotContain("Exception").doesNotContain("unexpected");
            assertThat(Arrays.equals(Files.readAllBytes(store), before)).as("the file is unchanged").isTrue();
        }
    }

    @Test
    void twoProcessesStartingAtOncePrintNoStackTrace() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            processes.add(new ProcessBuilder(java, "-Djobs.console.home=" + dir.resolve("home"),
                    "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                    "com.jobsconsole.app.Launcher", "job", "create", "--process-version", "7", "--robot", "3",
                    "--store", dir.resolve("s" + i + ".sqlite").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("p" + i + ".out").toFile()).start());
        }
        for (int i = 0; i < processes.size(); i++) {
            assertThat(processes.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
            String said = Files.readString(dir.resolve("p" + i + ".out"), StandardCharsets.UTF_8);
            assertThat(processes.get(i).exitValue()).as(said).isZero();
            assertThat(said).doesNotContain("Failed to delete").doesNotContain("\tat ");
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("sqlite")))
                    .as("the driver's library is not extracted into the shared temporary folder").isEmpty();
        }
    }

    @Test
    void aCreateThroughAProxysHtml404IsQueuedNotRejected() throws Exception {
        try (LocalApiServer server = new LocalApiServer(dir.resolve("server"));
             FaultProxy proxy = new FaultProxy(server.server.port())) {
            Path key = dir.resolve("key.txt");
            Files.writeString(key, LocalApiServer.KEY.reveal() + "\n");
            proxy.failAll(FaultProxy.Fault.HTML_404);
            String home = System.getProperty("jobs.console.home");
            System.setProperty("jobs.console.home", dir.resolve("home").toString());
            CliRun create;
            try {
                create = CliRun.of("job", "create", "--process-version", "7", "--robot", "3", "--remote",
                        proxy.baseUrl(), "--api-key-file", key.toString(), "--queue");
                assertThat(create.code()).as(create.err()).isZero();
                assertThat(create.err()).contains("queued: 1 waiting");
                CliRun plain = CliRun.of("job", "create", "--process-version", "7", "--robot", "3", "--remote",
                        proxy.baseUrl(), "--api-key-file", key.toString());
                assertThat(plain.code()).as("not 'rejected' (2): the orchestrator did not answer").isEqualTo(
                        CliContext.UNAVAILABLE);
                assertThat(plain.err()).contains("not from the Job API");
            } finally {
                if (home == null) {
                    System.clearProperty("jobs.console.home");
                } else {
                    System.setProperty("jobs.console.home", home);
                }
            }
        }
    }
}
