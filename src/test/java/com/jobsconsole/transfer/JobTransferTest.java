package com.jobsconsole.transfer;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.Names;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.jobsconsole.testing.Rendered.says;
import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobTransferTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2030, 1, 1, 0, 0);
    private static final Messages EN = new Messages(Locale.ENGLISH);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = JobTransfer.Format.class, names = {"CSV", "JSON"})
    void exportThenImportIntoAnEmptyStoreGivesTheSameJobs(JobTransfer.Format format) throws Exception {
        try (SqliteJobGateway source = SqliteJobGateway.open(dir.resolve("a.sqlite"), REFERENCE);
             SqliteJobGateway target = SqliteJobGateway.open(dir.resolve("b.sqlite"), REFERENCE)) {
            source.insertAll(new DemoJobs(REFERENCE, 5_000, 11, NOW), x -> { }, () -> false);
            Path file = export(source, format);
            JobImport.Check check = JobImport.check(file, format, REFERENCE, target, x -> { }, () -> false);
            assertThat(check.bad()).isEmpty();
            assertThat(check.good()).isEqualTo(5_000);
            assertThat(JobImport.run(file, format, REFERENCE, target, check, x -> { }, () -> false)).isEqualTo(5_000);
            assertThat(new HashSet<>(all(target))).isEqualTo(new HashSet<>(all(source)));

            // a second import of the same file finds every job already there, and writes nothing
            JobImport.Check again = JobImport.check(file, format, REFERENCE, target, x -> { }, () -> false);
            assertThat(again.good()).isZero();
            assertThat(again.badCount()).isEqualTo(5_000);
            assertThat(again.bad()).hasSize(JobImport.MAX_REPORTED);
            assertThat(again.bad().get(0).text(EN)).endsWith("is already in the store");
        }
    }

    @Test
    void xlsxHasTheApiFieldNamesNumbersAndDateCells() throws Exception {
        try (SqliteJobGateway source = SqliteJobGateway.open(dir.resolve("a.sqlite"), REFERENCE)) {
            source.insertAll(new DemoJobs(REFERENCE, 2_500, 4, NOW), x -> { }, () -> false);
            Path file = export(source, JobTransfer.Format.XLSX);
            List<Job> jobs = new ArrayList<>();
            for (int offset = 0; offset < 2_500; offset += 500) {
                jobs.addAll(source.page(JobQuery.all().sortedBy(JobSort.CREATED_AT, true)
                        .page(500, offset)));
            }
            try (ReadableWorkbook book = new ReadableWorkbook(file.toFile());
                 Stream<Row> rows = book.getFirstSheet().openStream()) {
                List<Row> all = rows.toList();
                assertThat(all).hasSize(2_501);
                assertThat(all.get(0).stream().map(c -> c.getRawValue()).toList()).isEqualTo(JobTransfer.COLUMNS);
                for (int i = 1; i < all.size(); i += 97) {
                    Row r = all.get(i);
                    Job j = jobs.get(i - 1);
                    assertThat(r.getCellText(0)).isEqualTo(j.guid().toString());
                    assertThat(r.getCellAsNumber(1).orElseThrow().intValue()).isEqualTo(j.status());
                    assertThat(r.getCellAsString(3).orElseThrow()).isEqualTo(j.source().wire());
                    assertThat(r.getCellAsNumber(5).map(BigDecimal::longValue).orElse(null)).isEqualTo(j.robotId());
                    assertThat(r.getCellAsDate(11).orElseThrow()).isEqualTo(j.createdAt());
                    assertThat(r.getCellAsDate(14).orElse(null)).isEqualTo(j.completedAt());
                }
            }
        }
    }

    @Test
    void moreJobsThanASheetHoldsGoOnToTheNextSheet() throws Exception {
        Path file = dir.resolve("sheets.xlsx");
        List<Job> jobs = new ArrayList<>();
        new DemoJobs(REFERENCE, 25, 8, NOW).forEachRemaining(jobs::add);
        try (OutputStream out = Files.newOutputStream(file);
             JobTransfer.XlsxRows rows = new JobTransfer.XlsxRows(out, 10, Names.NONE)) {
            for (Job j : jobs) {
                rows.write(j);
            }
        }
        try (ReadableWorkbook book = new ReadableWorkbook(file.toFile())) {
            List<Sheet> sheets = book.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName)
                    .containsExactly("Jobs", "Jobs 2", "Jobs 3");
            List<String> guids = new ArrayList<>();
            for (var sheet : sheets) {
                List<Row> rows = sheet.read();
                assertThat(rows.get(0).getCellText(0)).isEqualTo("guid");
                rows.stream().skip(1).map(r -> r.getCellText(0)).forEach(guids::add);
            }
            assertThat(guids).isEqualTo(jobs.stream().map(j -> j.guid().toString()).toList());
        }
    }

    @Test
    void badRowsAreReportedWithTheirLinesAndReasonsAndNothingIsGuessed() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), """
                guid,status,type,robot_id,created_at
                0f8fad5b-d9cb-469f-a165-70867728950e,1,1,3,2030-01-01 10:00:00
                not-a-guid,1,1,3,
                1f8fad5b-d9cb-469f-a165-70867728950e,42,1,3,
                2f8fad5b-d9cb-469f-a165-70867728950e,1,1,abc,
                0f8fad5b-d9cb-469f-a165-70867728950e,4,1,3,
                3f8fad5b-d9cb-469f-a165-70867728950e,4,1,-7,
                4f8fad5b-d9cb-469f-a165-70867728950e,4,1,2,yesterday
                5f8fad5b-d9cb-469f-a165-70867728950e,,1,2,
                """);
        try (SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("s.sqlite"), REFERENCE)) {
            JobImport.Check c = JobImport.check(csv, JobTransfer.Format.CSV, REFERENCE, store, x -> { }, () -> false);
            assertThat(c.good()).isEqualTo(1);
            assertThat(c.bad()).extracting(JobImport.Problem::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
            assertThat(c.bad()).extracting(p -> p.text(EN)).containsExactly(
                    "\u201cnot-a-guid\u201d is not a GUID",
                    "status 42 is not in the status table",
                    "robot_id is not a whole number: \u201cabc\u201d",
                    "GUID 0f8fad5b-d9cb-469f-a165-70867728950e appears twice in the file (first on line 2)",
                    "robot_id must be a positive whole number, not -7",
                    "created_at is not a date and time: \u201cyesterday\u201d (use yyyy-MM-dd HH:mm:ss)",
                    "no status");
            assertThat(c.bad().get(1).text(new Messages(Locale.forLanguageTag("ru"))))
                    .isEqualTo("статуса 42 нет в таблице статусов");

            // all or nothing: the first bad row stops the import and nothing is written
            assertThatThrownBy(() -> JobImport.run(csv, JobTransfer.Format.CSV, REFERENCE, store, null, x -> { }, () -> false))
                    .isInstanceOf(InvalidInputException.class).satisfies(says("Line 3"));
            assertThat(all(store)).isEmpty();
        }
    }

    @Test
    void skippingBadRowsImportsTheGoodOnesOnly() throws Exception {
        Path csv = Files.writeString(dir.resolve("mixed.csv"), """
                guid,status
                0f8fad5b-d9cb-469f-a165-70867728950e,1
                nope,1
                1f8fad5b-d9cb-469f-a165-70867728950e,4
                0f8fad5b-d9cb-469f-a165-70867728950e,5
                3f8fad5b-d9cb-469f-a165-70867728950e,2
                """);
        try (SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("s.sqlite"), REFERENCE)) {
            store.create(JobDraft.of(UUID.fromString("3f8fad5b-d9cb-469f-a165-70867728950e"),
                    1, 1, 1));
            JobImport.Check c = JobImport.check(csv, JobTransfer.Format.CSV, REFERENCE, store, x -> { }, () -> false);
            assertThat(c.bad()).extracting(JobImport.Problem::line).containsExactly(3L, 5L, 6L);
            // the bad line, the second time a GUID is in the file, and the GUID already in the store are left out
            assertThat(JobImport.run(csv, JobTransfer.Format.CSV, REFERENCE, store, c, x -> { }, () -> false)).isEqualTo(2);
            assertThat(all(store)).extracting(Job::status).containsExactlyInAnyOrder(1, 4, 1);
            assertThat(store.read(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")).status()).isEqualTo(1);

            // a file changed after its check: a bad row the check did not list stops everything
            Files.writeString(csv, "guid,status\n4f8fad5b-d9cb-469f-a165-70867728950e,1\nnope,1\nalso-bad,1\n");
            JobImport.Check stale = new JobImport.Check(1, 1, List.of(), bitSet(3));
            assertThatThrownBy(() -> JobImport.run(csv, JobTransfer.Format.CSV, REFERENCE, store, stale, x -> { }, () -> false))
                    .isInstanceOf(InvalidInputException.class).satisfies(says("Line 4"));
            assertThat(all(store)).hasSize(3);
        }
    }

    @Test
    void columnsAreMatchedByNameWhateverTheirCaseAndSpellingAndTheRestAreLeftOut() throws Exception {
        Path csv = Files.writeString(dir.resolve("named.csv"), "\uFEFFGUID;x\r\n".replace(";x", ",Status,Process Version Id,robotId,note")
                + "\r\n0f8fad5b-d9cb-469f-a165-70867728950e,4,12,7,hello\r\n");
        JobImport.Preview p = JobImport.preview(csv, JobTransfer.Format.CSV);
        assertThat(p.columns()).containsExactly("GUID", "Status", "Process Version Id", "robotId", "note");
        assertThat(p.fieldOf()).containsEntry("GUID", "guid").containsEntry("Status", "status")
                .containsEntry("Process Version Id", "process_version_id").containsEntry("robotId", "robot_id")
                .doesNotContainKey("note");
        assertThat(p.ignored()).containsExactly("note");
        assertThat(p.rows()).containsExactly(List.of("0f8fad5b-d9cb-469f-a165-70867728950e", "4", "12", "7", "hello"));
        try (SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("s.sqlite"), REFERENCE)) {
            assertThat(JobImport.run(csv, JobTransfer.Format.CSV, REFERENCE, store, null, x -> { }, () -> false)).isEqualTo(1);
            Job j = store.read(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
            assertThat(j.processVersionId()).isEqualTo(12L);
            assertThat(j.robotId()).isEqualTo(7L);
        }
    }

    @Test
    void aPreviewShowsTheFirstRowsOnly() throws Exception {
        String rows = Stream.generate(() -> UUID.randomUUID() + ",1").limit(500).collect(Collectors.joining("\n"));
        Path csv = Files.writeString(dir.resolve("many.csv"), "guid,status\n" + rows + "\n");
        assertThat(JobImport.preview(csv, JobTransfer.Format.CSV).rows()).hasSize(JobImport.PREVIEW_ROWS);
    }

    @Test
    void filesThatAreNotJobsAreRefusedWithAReason() throws Exception {
        Path noGuid = Files.writeString(dir.resolve("a.csv"), "id,status\n1,1\n");
        assertThatThrownBy(() -> JobImport.preview(noGuid, JobTransfer.Format.CSV))
                .isInstanceOf(InvalidInputException.class).satisfies(says("no GUID column")).satisfies(says("id, status"));
        Path twice = Files.writeString(dir.resolve("twice.csv"), "guid,status,guid\n1,1,2\n");
        assertThatThrownBy(() -> JobImport.preview(twice, JobTransfer.Format.CSV))
                .isInstanceOf(InvalidInputException.class).satisfies(says("cannot be read at line 1"));
        Path object = Files.writeString(dir.resolve("b.json"), "{\"guid\": 1}");
        assertThatThrownBy(() -> JobImport.preview(object, JobTransfer.Format.JSON))
                .isInstanceOf(InvalidInputException.class).satisfies(says("array of job objects"));
        Path cut = Files.writeString(dir.resolve("c.json"), "[{\"guid\": \"0f8fad5b-d9cb-469f-a165-70867728950e\", \"status\": 1},");
        try (SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("s.sqlite"), REFERENCE)) {
            assertThatThrownBy(() -> JobImport.check(cut, JobTransfer.Format.JSON, REFERENCE, store, x -> { }, () -> false))
                    .isInstanceOf(InvalidInputException.class).satisfies(says("Nothing was imported"));
            assertThatThrownBy(() -> JobImport.run(cut, JobTransfer.Format.JSON, REFERENCE, store, null, x -> { }, () -> false))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(all(store)).isEmpty();
        }
        Path nested = Files.writeString(dir.resolve("d.json"),
                "[{\"guid\": \"0f8fad5b-d9cb-469f-a165-70867728950e\", \"status\": {\"code\": 1}}, 7]");
        JobImport.Check c = JobImport.check(nested, JobTransfer.Format.JSON, REFERENCE, null, x -> { }, () -> false);
        assertThat(c.bad()).extracting(p -> p.text(EN)).containsExactly("\u201cstatus\u201d is not a plain value",
                "not a job object");
    }

    @Test
    void aCancelledImportWritesNothing() throws Exception {
        try (SqliteJobGateway source = SqliteJobGateway.open(dir.resolve("a.sqlite"), REFERENCE);
             SqliteJobGateway target = SqliteJobGateway.open(dir.resolve("b.sqlite"), REFERENCE)) {
            source.insertAll(new DemoJobs(REFERENCE, 30_000, 2, NOW), x -> { }, () -> false);
            Path file = export(source, JobTransfer.Format.CSV);
            long[] seen = {0};
            JobImport.Check c = JobImport.check(file, JobTransfer.Format.CSV, REFERENCE, target, x -> { }, () -> false);
            assertThatThrownBy(() -> JobImport.run(file, JobTransfer.Format.CSV, REFERENCE, target, c,
                    n -> seen[0] = n, () -> seen[0] >= 20_000)).isInstanceOf(UnavailableException.class);
            assertThat(all(target)).isEmpty();
        }
    }

    private static BitSet bitSet(int... lines) {
        BitSet b = new BitSet();
        for (int l : lines) {
            b.set(l);
        }
        return b;
    }

    private Path export(SqliteJobGateway source, JobTransfer.Format format) throws Exception {
        Path file = dir.resolve("jobs" + format.extension());
        try (OutputStream out = Files.newOutputStream(file)) {
            JobTransfer.export(source, JobQuery.all().sortedBy(JobSort.CREATED_AT, true), format,
                    out, x -> { }, () -> false);
        }
        return file;
    }

    private static List<Job> all(SqliteJobGateway store) {
        List<Job> out = new ArrayList<>();
        for (int offset = 0; ; offset += 1_000) {
            List<Job> page = store.page(JobQuery.all().page(1_000, offset));
            out.addAll(page);
            if (page.size() < 1_000) {
                return out;
            }
        }
    }
}
