package com.jobsconsole.json;

import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.model.StatusKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceDataLoaderTest {

    private final ReferenceData ref = ReferenceDataLoader.loadDefault();

    @Test
    void theShippedStatusTableIsTheSpecsTable() {
        assertThat(ref.statuses()).extracting(JobStatus::code).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(ref.statuses()).extracting(JobStatus::key).containsExactly("CREATED", "PENDING", "ABORTING",
                "ABORTED", "SUCCESS", "FAILED", "STOPPING", "STOPPED", "IN_PROGRESS");
        assertThat(ref.status(8).orElseThrow().kind()).isEqualTo(StatusKind.RUNNING);
        assertThat(ref.status(3).orElseThrow().isFinal()).isTrue();
        assertThat(ref.status(1).orElseThrow().name().get(Locale.forLanguageTag("ru"))).isEqualTo("В ожидании");
        assertThat(ref.status(4).orElseThrow().name().get(Locale.ENGLISH)).isEqualTo("Succeeded");
        assertThat(ref.statuses()).allSatisfy(s -> {
            assertThat(s.color()).matches("-color-[a-z]+-[a-z0-9]+");
            assertThat(s.description().en()).isNotBlank();
            assertThat(s.description().ru()).isNotEqualTo(s.description().en());
        });
    }

    @Test
    void theUsualTransitionsAreTheSpecs() {
        String spec = "0>1 1>8 1>2 8>4 8>5 8>6 8>2 6>7 6>2 6>4 6>5 2>3";
        for (String t : spec.split(" ")) {
            int from = t.charAt(0) - '0';
            int to = t.charAt(2) - '0';
            assertThat(ref.isUsualTransition(from, to)).as(t).isTrue();
        }
        long usual = ref.statuses().stream().mapToLong(s -> s.next().size()).sum();
        assertThat(usual).isEqualTo(spec.split(" ").length);
        assertThat(ref.isUsualTransition(4, 8)).isFalse();
        assertThat(ref.isUsualTransition(0, 8)).isFalse();
        assertThat(ref.statuses().stream().filter(JobStatus::isFinal)).allSatisfy(s -> assertThat(s.next()).isEmpty());
    }

    @Test
    void theTypeTableHasAttendedAndOrchestrated() {
        assertThat(ref.type(1).orElseThrow().key()).isEqualTo("ORCHESTRATED");
        assertThat(ref.type(0).orElseThrow().name().get(Locale.forLanguageTag("ru"))).isEqualTo("Присмотровая");
        assertThat(ref.types()).hasSize(2);
    }

    @Test
    void aSiteCanReplaceATableWithoutARebuild(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ReferenceDataLoader.TYPES_FILE), """
                {"types": [{"code": 1, "key": "ORCHESTRATED", "name": {"en": "Orchestrated"}},
                           {"code": 5, "key": "SPECIAL", "name": {"en": "Special", "ru": "Особая"}}]}""");
        ReferenceData site = ReferenceDataLoader.load(dir);
        assertThat(site.type(5).orElseThrow().name().get(Locale.forLanguageTag("ru"))).isEqualTo("Особая");
        assertThat(site.type(0)).isEmpty();
        assertThat(site.statuses()).hasSize(9);
    }

    @Test
    void aBrokenTableIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ReferenceDataLoader.STATUSES_FILE), """
                {"statuses": [{"code": 1, "key": "PENDING", "kind": "queued", "name": {"en": "Pending"}, "next": [9]}]}""");
        assertThatThrownBy(() -> ReferenceDataLoader.load(dir)).hasMessageContaining("unknown successor 9");
    }
}
