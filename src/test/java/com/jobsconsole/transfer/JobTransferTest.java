package com.jobsconsole.transfer;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

class JobTransferTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2030, 1, 1, 0, 0);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(JobTransfer.Format.class)
    void exportThenImportIntoAnEmptyStoreGivesTheSameJobs(JobTransfer.Format format) throws Exception {
        try (SqliteJobGateway source = SqliteJobGateway.open(dir.resolve("a.sqlite"), REFERENCE);
             SqliteJobGateway target = SqliteJobGateway.open(dir.resolve("b.sqlite"), REFERENCE)) {
            source.insertAll(new DemoJobs(REFERENCE, 5_000, 11, NOW), x -> { }, () -> false);
            StringWriter out = new StringWriter();
            long n = JobTransfer.export(source, JobQuery.all(), format, out, x -> { }, () -> false);
            assertThat(n).isEqualTo(5_000);
            JobTransfer.ReadResult r = JobTransfer.read(new StringReader(out.toString()), format, REFERENCE, NOW);
            assertThat(r.bad()).isEmpty();
            target.insertAll(r.jobs().iterator(), x -> { }, () -> false);
            List<Job> a = source.page(JobQuery.all().page(10_000, 0));
            List<Job> b = target.page(JobQuery.all().page(10_000, 0));
            assertThat(new HashSet<>(b)).isEqualTo(new HashSet<>(a));
        }
    }

    @Test
    void badRowsAreReportedWithTheirLinesAndNothingIsGuessed() throws Exception {
        String csv = """
                guid,status,type,robot_id,created_at
                0f8fad5b-d9cb-469f-a165-70867728950e,1,1,3,2030-01-01 10:00:00
                not-a-guid,1,1,3,
                1f8fad5b-d9cb-469f-a165-70867728950e,42,1,3,
                2f8fad5b-d9cb-469f-a165-70867728950e,1,1,abc,
                0f8fad5b-d9cb-469f-a165-70867728950e,4,1,3,
                3f8fad5b-d9cb-469f-a165-70867728950e,4,1,-7,
                """;
        JobTransfer.ReadResult r = JobTransfer.read(new StringReader(csv), JobTransfer.Format.CSV, REFERENCE, NOW);
        assertThat(r.jobs()).hasSize(1);
        assertThat(r.bad()).extracting(JobTransfer.BadRow::line).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(r.bad().get(0).reason()).contains("not a GUID");
        assertThat(r.bad().get(1).reason()).contains("status 42");
        assertThat(r.bad().get(2).reason()).contains("robot_id");
        assertThat(r.bad().get(3).reason()).contains("appears twice");
        assertThat(r.bad().get(4).reason()).contains("positive");
    }

    @Test
    void aCsvWithoutAGuidColumnAndAJsonThatIsNotAnArrayAreRefused() throws Exception {
        assertThat(JobTransfer.read(new StringReader("id,status\n1,1\n"), JobTransfer.Format.CSV, REFERENCE, NOW).bad())
                .singleElement().satisfies(b -> assertThat(b.reason()).contains("no \"guid\" column"));
        assertThat(JobTransfer.read(new StringReader("{\"guid\": 1}"), JobTransfer.Format.JSON, REFERENCE, NOW).bad())
                .singleElement().satisfies(b -> assertThat(b.reason()).contains("array"));
    }
}
