package com.jobsconsole.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class JobJsonTest {

    @Test
    void writesValidJsonInTheApisFieldNamesAndDateFormat() throws Exception {
        UUID guid = UUID.randomUUID();
        Job job = new Job(guid, 8, 1, JobSource.TRIGGER, 55L, 1L, 4L, null, 3L,
                LocalDateTime.of(2023, 3, 4, 12, 0), null, LocalDateTime.of(2023, 3, 3, 12, 48, 6),
                LocalDateTime.of(2023, 3, 3, 13, 24, 26), LocalDateTime.of(2023, 3, 3, 13, 0, 1), null);
        JsonNode n = new ObjectMapper().readTree(JobJson.write(job));
        assertThat(n.get("guid").asText()).isEqualTo(guid.toString());
        assertThat(n.get("status").isInt()).isTrue();
        assertThat(n.get("process_version_id").asLong()).isEqualTo(55);
        assertThat(n.get("source").asText()).isEqualTo("Trigger");
        assertThat(n.get("schedule_id").isNull()).isTrue();
        assertThat(n.get("stop_after").asText()).isEqualTo("2023-03-04 12:00:00");
        assertThat(n.get("created_at").asText()).isEqualTo("2023-03-03 12:48:06");
        assertThat(n.get("completed_at").isNull()).isTrue();
        assertThat(n.fieldNames()).toIterable().containsExactly("guid", "status", "type", "source",
                "process_version_id", "robot_id", "account_id", "schedule_id", "task_id", "stop_after",
                "abort_after", "created_at", "updated_at", "started_at", "completed_at");
        assertThat(new ObjectMapper().readTree(JobJson.write(List.of(job, job))).size()).isEqualTo(2);
    }
}
