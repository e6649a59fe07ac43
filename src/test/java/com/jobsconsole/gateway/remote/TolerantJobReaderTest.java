package com.jobsconsole.gateway.remote;

import com.jobsconsole.gateway.JobFields;
import com.jobsconsole.model.Job;
import com.jobsconsole.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TolerantJobReaderTest {

    private static final String G = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private final TolerantJobReader reader = new TolerantJobReader(new JobFields(TestStore.REFERENCE, ZoneOffset.UTC));

    @Test
    void readsThePlainJobObject() throws Exception {
        Job j = reader.readJob("""
                {"guid": "%s", "status": 1, "type": 1, "source": "API", "process_version_id": 55, "robot_id": 1,
                 "account_id": 4, "schedule_id": 2, "stop_after": "2023-03-04 12:00:00",
                 "created_at": "2023-03-03 12:48:06", "updated_at": "2023-03-03 13:24:26"}""".formatted(G)).job();
        assertThat(j.guid()).isEqualTo(UUID.fromString(G));
        assertThat(j.processVersionId()).isEqualTo(55L);
        assertThat(j.stopAfter()).isEqualTo(LocalDateTime.of(2023, 3, 4, 12, 0));
        assertThat(j.completedAt()).isNull();
    }

    @Test
    void readsTheOriginalPagesPseudoJson() throws Exception {
        Job j = reader.readJob("""
                [
                  "guid": "%s",
                  "status": 1,
                  "process_version_id": "55",
                  "robot_id": 1,
                  "account_id": 4,
                  "schedule_id": 2,
                  "stop_after": 2023-03-04 12:00:00,
                  "created_at": 2023-03-03 12:48:06,
                  "updated_at": 2023-03-03 13:24:26,
                ]""".formatted(G)).job();
        assertThat(j.status()).isEqualTo(1);
        assertThat(j.processVersionId()).isEqualTo(55L);
        assertThat(j.updatedAt()).isEqualTo(LocalDateTime.of(2023, 3, 3, 13, 24, 26));
    }

    @Test
    void readsAJobWrappedInAnArrayNumbersAsStringsAndExtraFields() throws Exception {
        Job j = reader.readJob("[{\"Guid\": \"" + G.toUpperCase() + "\", \"Status\": \"8\", \"robot_id\": \"3\", "
                + "\"whatever\": {\"nested\": true}, \"task_id\": \"\"}]").job();
        assertThat(j.status()).isEqualTo(8);
        assertThat(j.robotId()).isEqualTo(3L);
        assertThat(j.taskId()).isNull();
        assertThat(j.type()).isEqualTo(1);
    }

    @Test
    void aGuidOnlyAnswerIsRecognisedPlainOrWrapped() throws Exception {
        assertThat(reader.readJob("{\"guid\": \"" + G + "\"}").guidOnly()).isEqualTo(UUID.fromString(G));
        assertThat(reader.readJob("[{\"guid\": \"" + G + "\"}]").isGuidOnly()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-03-04 12:00:00", "04-03-2023 12:00:00", "2023-03-04T12:00:00",
        "2023-03-04T12:00:00Z", "2023-03-04T15:00:00+03:00", "1677931200", "2023-03-04T12:00:00.123"})
    void readsEveryListedDateShape(String text) throws Exception {
        Job j = reader.readJob("{\"guid\": \"" + G + "\", \"status\": 1, \"created_at\": \"" + text + "\"}").job();
        assertThat(j.createdAt()).isEqualTo(LocalDateTime.of(2023, 3, 4, 12, 0));
    }

    @Test
    void unixSecondsMayComeAsANumber() throws Exception {
        Job j = reader.readJob("{\"guid\": \"" + G + "\", \"status\": 1, \"created_at\": 1677931200}").job();
        assertThat(j.createdAt()).isEqualTo(LocalDateTime.of(2023, 3, 4, 12, 0));
    }

    @Test
    void refusesWhatItCannotReadAndSaysWhy() {
        assertThatThrownBy(() -> reader.readJob("<html>Bad gateway</html>")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> reader.readJob("{\"guid\": \"" + G + "\", \"status\": 1")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> reader.readJob("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> reader.readJob("[]")).hasMessageContaining("array of 0");
        assertThatThrownBy(() -> reader.readJob("{\"status\": 1}")).hasMessageContaining("no guid");
        assertThatThrownBy(() -> reader.readJob("{\"guid\": \"x\", \"status\": 1}")).hasMessageContaining("not a GUID");
        assertThatThrownBy(() -> reader.readJob("{\"guid\": \"" + G + "\", \"robot_id\": 1}")).hasMessageContaining("no status");
        assertThatThrownBy(() -> reader.readJob("{\"guid\": \"" + G + "\", \"status\": \"eight\"}"))
                .hasMessageContaining("\"status\" is not a whole number");
        assertThatThrownBy(() -> reader.readJob("{\"guid\": \"" + G + "\", \"status\": 1, \"created_at\": \"yesterday\"}"))
                .hasMessageContaining("\"created_at\" is not a date-time");
        assertThatThrownBy(() -> reader.readJob("{\"guid\": \"" + G + "\", \"status\": 1, \"source\": \"Moon\"}"))
                .hasMessageContaining("unknown source");
    }

    @Test
    void updateAndDeleteAnswersMayBeEmptyArraysOrObjects() throws Exception {
        reader.readEmpty("[]");
        reader.readEmpty("");
        reader.readEmpty("{}");
        assertThatThrownBy(() -> reader.readEmpty("OK")).isInstanceOf(TolerantJobReader.Unreadable.class);
        assertThatThrownBy(() -> reader.readEmpty("\"done\"")).hasMessageContaining("a string");
    }

    @Test
    void theServersOwnMessageIsPickedOut() {
        assertThat(TolerantJobReader.serverMessage("{\"error\": \"x\", \"message\": \"Guid is wrong\"}")).isEqualTo("Guid is wrong");
        assertThat(TolerantJobReader.serverMessage("plain text " + "y".repeat(500))).hasSize(201);
    }
}
