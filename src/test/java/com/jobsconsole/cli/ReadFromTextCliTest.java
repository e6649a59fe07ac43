package com.jobsconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code job read -} (issue 23): every GUID in standard input's text, as a JSON array; the missing ones named, exit 3. */
class ReadFromTextCliTest {

    @TempDir
    Path dir;

    private static CliRun withInput(String text, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void theJobsOfEveryGuidInTheText() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        Job a;
        Job b;
        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            a = s.create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
            b = s.create(JobDraft.of(UUID.randomUUID(), 56, 3, 4));
        }
        String log = "10:05 ERROR job {" + a.guid().toString().toUpperCase() + "} failed\n10:06 retry "
                + b.guid().toString().replace("-", "") + "\n";
        CliRun all = withInput(log, "job", "read", "-", "--store", file.toString());
        assertThat(all.code()).as(all.err()).isZero();
        JsonNode array = new ObjectMapper().readTree(all.out());
        assertThat(array).hasSize(2);
        assertThat(array.get(0).get("guid").asText()).isEqualTo(a.guid().toString());
        assertThat(array.get(1).get("guid").asText()).isEqualTo(b.guid().toString());

        UUID missing = UUID.randomUUID();
        CliRun some = withInput(log + " and " + missing, "job", "read", "-", "--store", file.toString());
        assertThat(some.code()).isEqualTo(3);
        assertThat(some.err()).contains("not found: " + missing);
        assertThat(new ObjectMapper().readTree(some.out())).hasSize(2);

        assertThat(withInput("nothing here", "job", "read", "-", "--store", file.toString()).code()).isEqualTo(2);
    }
}
