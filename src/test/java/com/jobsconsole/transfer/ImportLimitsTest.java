package com.jobsconsole.transfer;

import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.JobQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.jobsconsole.testing.Rendered.english;
import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Files that are not jobs, or too big in one place, are refused with a reason; memory stays bounded. */
class ImportLimitsTest {

    @TempDir
    Path dir;

    private InvalidInputException refused(Path file, JobTransfer.Format format) {
        try (SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE)) {
            InvalidInputException e = catchThrowableOfType(() -> JobImport.check(file, format, REFERENCE, store,
                    x -> { }, () -> false), InvalidInputException.class);
            assertThat(e).as("refused").isNotNull();
            assertThat(store.query(JobQuery.all().page(1, 0)).total()).isZero();
            return e;
        }
    }

    @Test
    void anEmptyFileAndAFileOfNoJobsAreRefusedNotImportedAsZero() throws Exception {
        assertThat(refused(Files.writeString(dir.resolve("empty.csv"), ""), JobTransfer.Format.CSV).messageKey())
                .isEqualTo("import.file.noRows");
        assertThat(refused(Files.writeString(dir.resolve("header.csv"), "guid,status\n"), JobTransfer.Format.CSV)
                .messageKey()).isEqualTo("import.file.noRows");
        assertThat(refused(Files.writeString(dir.resolve("empty.json"), "[]"), JobTransfer.Format.JSON).messageKey())
                .isEqualTo("import.file.noRows");
        InvalidInputException text = refused(Files.writeString(dir.resolve("notes.csv"),
                "Shopping list\nmilk\nbread\n"), JobTransfer.Format.CSV);
        assertThat(text.messageKey()).isEqualTo("import.file.noGuid");
        assertThat(english(text)).contains("Shopping list");
    }

    @Test
    void aFileThatIsNotTextIsRefusedAsNotText() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', (byte) 0xff, (byte) 0xfe};
        for (JobTransfer.Format f : List.of(JobTransfer.Format.CSV, JobTransfer.Format.JSON)) {
            InvalidInputException e = refused(Files.write(dir.resolve("picture." + f), png), f);
            assertThat(e.messageKey()).as(f.toString()).isEqualTo("import.file.notText");
            assertThat(english(e)).contains("not UTF-8 text").doesNotContain("Input length");
        }
        // valid UTF-8, but with NULs: a binary file all the same
        InvalidInputException nul = refused(Files.writeString(dir.resolve("nul.csv"), "guid,status\n\u0000\u0000,1\n"),
                JobTransfer.Format.CSV);
        assertThat(nul.messageKey()).isEqualTo("import.file.notText");
    }

    @Test
    void aRowLongerThanTheLimitRefusesTheFileNamingItsLine() throws Exception {
        Path csv = dir.resolve("long.csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("guid,status,source\n");
            w.write(UUID.randomUUID() + ",1,GUI\n");
            w.write(UUID.randomUUID() + ",1,\"");
            for (int i = 0; i < 3 * 1024; i++) {
                w.write("x".repeat(1024));
            }
            w.write("\"\n");
        }
        InvalidInputException e = refused(csv, JobTransfer.Format.CSV);
        assertThat(e.messageKey()).isEqualTo("import.file.rowTooLong");
        assertThat(english(e)).startsWith("Line 3 begins a row longer than 1,024 KiB");
    }

    @Test
    void jsonErrorsGiveLineAndColumnAndTheWholeReason() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "[\n  {\"guid\": \"" + UUID.randomUUID()
                + "\", \"status\": 1},\n  {\"guid\": \"x\" \"status\": 2}\n]");
        InvalidInputException e = refused(broken, JobTransfer.Format.JSON);
        assertThat(english(e)).contains("at line 3, column ").contains("Unexpected character")
                .contains("was expecting comma to separate Object entries");
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "[{\"guid\": \"" + UUID.randomUUID() + "\", \"source\": \"" + "y".repeat(2 << 20) + "\"}]");
        InvalidInputException big = refused(huge, JobTransfer.Format.JSON);
        assertThat(english(big)).contains("at line 1, column").contains("exceeds the maximum");
    }

    @Tag("slow")
    @Test
    void aFiftyMegabyteLineWithoutANewlineIsRefusedInASmallHeap() throws Exception {
        Path csv = dir.resolve("one-line.csv");
        try (OutputStream out = Files.newOutputStream(csv)) {
            byte[] block = "z".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 800; i++) { // 50 MiB, no newline
                out.write(block);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx48m", "-Djobs.console.home=" + dir.resolve("home"), "-cp",
                System.getProperty("java.class.path"), "com.jobsconsole.app.Launcher", "job", "import", csv.toString(),
                "--store", dir.resolve("cli.sqlite").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains("Line 1 begins a row longer than 1,024 KiB").doesNotContain("OutOfMemoryError");
    }
}
