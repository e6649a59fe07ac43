package com.jobsconsole.gateway;

import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One reading of a job's text fields for every front door, with the reference data's defaults. */
class JobFieldsTest {

    private final JobFields fields = new JobFields(REFERENCE, ZoneOffset.UTC);

    @Test
    void whatIsLeftOutGetsTheApisDefaults() throws Exception {
        assertThat(fields.statusOrDefault(null)).isEqualTo(1);
        assertThat(fields.statusOrDefault("  ")).isEqualTo(1);
        assertThat(fields.typeOrDefault(null)).isEqualTo(1);
        assertThat(fields.sourceOrDefault(null)).isEqualTo(JobSource.API);
        assertThat(fields.statusOrDefault(" 8 ")).isEqualTo(8);
        assertThat(fields.sourceOrDefault("trigger")).isEqualTo(JobSource.TRIGGER);
    }

    @Test
    void theDefaultsFollowASitesOwnReferenceData(@TempDir Path dir) throws Exception {
        // a site whose orchestrator numbers its statuses and types differently
        Files.writeString(dir.resolve(ReferenceDataLoader.STATUSES_FILE), """
                {"statuses": [{"code": 10, "key": "CREATED", "kind": "initial", "name": {"en": "Created"}, "next": [11]},
                              {"code": 11, "key": "PENDING", "kind": "queued", "name": {"en": "Pending"}, "next": []}]}""");
        Files.writeString(dir.resolve(ReferenceDataLoader.TYPES_FILE), """
                {"types": [{"code": 7, "key": "ATTENDED", "name": {"en": "Attended"}},
                           {"code": 9, "key": "ORCHESTRATED", "name": {"en": "Orchestrated"}}]}""");
        ReferenceData site = ReferenceDataLoader.load(dir);
        JobFields siteFields = new JobFields(site, ZoneOffset.UTC);
        assertThat(siteFields.statusOrDefault(null)).isEqualTo(11);
        assertThat(siteFields.typeOrDefault("")).isEqualTo(9);
    }

    @Test
    void badTextSaysWhichFieldAndWhatIsWrong() {
        assertThatThrownBy(() -> fields.whole("robot_id", "12a")).isInstanceOfSatisfying(JobFields.FieldException.class,
                e -> {
                    assertThat(e.field()).isEqualTo("robot_id");
                    assertThat(e.problem()).isEqualTo(JobFields.Problem.NOT_WHOLE);
                    assertThat(e.printableText()).isEqualTo("12a");
                });
        assertThatThrownBy(() -> fields.integer("status", "99999999999")).isInstanceOfSatisfying(
                JobFields.FieldException.class, e -> assertThat(e.problem()).isEqualTo(JobFields.Problem.NOT_WHOLE));
        assertThatThrownBy(() -> fields.time("stop_after", "tomorrow")).isInstanceOfSatisfying(
                JobFields.FieldException.class, e -> assertThat(e.problem()).isEqualTo(JobFields.Problem.NOT_TIME));
        assertThatThrownBy(() -> fields.sourceOrDefault("Robot\u0007")).isInstanceOfSatisfying(
                JobFields.FieldException.class, e -> assertThat(e.printableText()).isEqualTo("Robot\\u0007"));
    }

    @Test
    void numbersAndTimesAreReadAsEveryFrontDoorSendsThem() throws Exception {
        assertThat(fields.whole("robot_id", "+42")).isEqualTo(42L);
        assertThat(fields.whole("robot_id", "-1")).isEqualTo(-1L); // the rules, not the reading, refuse it
        assertThat(fields.whole("robot_id", null)).isNull();
        assertThat(fields.time("stop_after", "2030-01-02 03:04:05")).isEqualTo(LocalDateTime.of(2030, 1, 2, 3, 4, 5));
        assertThat(fields.time("stop_after", "02-01-2030 03:04:05")).isEqualTo(LocalDateTime.of(2030, 1, 2, 3, 4, 5));
    }
}
