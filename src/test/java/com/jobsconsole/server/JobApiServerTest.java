package com.jobsconsole.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.testing.LocalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The local API server answering real HTTP requests: every documented method and status code. */
class JobApiServerTest {

    @TempDir
    Path dir;
    private LocalApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private static final String BEARER = "Bearer " + b64(LocalApiServer.KEY.reveal());

    @BeforeEach
    void start() throws Exception {
        server = new LocalApiServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> call(String method, String path, String auth, String contentType, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, BEARER, "application/json", body);
    }

    private Job seed(int status) {
        return server.store.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4).withStatus(status));
    }

    @Test
    void createTakesGuidAndEverySpecFieldAndReturnsTheJob() throws Exception {
        UUID guid = UUID.randomUUID();
        var r = call("POST", "/api/job/create", """
                {"Guid": "%s", "process_version_id": "55", "robot_id": 1, "account_id": 4, "schedule_id": 2,
                 "task_id": 7, "type": 0, "status": 0, "source": "Trigger", "stop_after": "2031-03-04 12:00:00",
                 "abort_after": "04-03-2031 13:00:00", "unknown_extra": true}""".formatted(guid));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode n = json.readTree(r.body());
        assertThat(n.get("guid").asText()).isEqualTo(guid.toString());
        assertThat(n.get("process_version_id").asInt()).isEqualTo(55);
        assertThat(n.get("source").asText()).isEqualTo("Trigger");
        assertThat(n.get("abort_after").asText()).isEqualTo("2031-03-04 13:00:00");
        assertThat(server.store.read(guid).taskId()).isEqualTo(7L);
    }

    @Test
    void readReturnsTheJobInTheSpecsFormat() throws Exception {
        Job job = seed(8);
        var r = call("GET", "/api/job/read/" + job.guid(), null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode n = json.readTree(r.body());
        assertThat(n.get("status").asInt()).isEqualTo(8);
        assertThat(n.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void updateAcceptsTheDocumentedFormAndTheRobotFrameworksForm() throws Exception {
        Job job = seed(1);
        var documented = call("POST", "/api/job/update", "{\"Guid\": \"" + job.guid() + "\", \"Status\": 8}");
        assertThat(documented.statusCode()).isEqualTo(200);
        assertThat(documented.body()).isEqualTo("[]");
        assertThat(server.store.read(job.guid()).status()).isEqualTo(8);

        var robot = call("PUT", "/api/job/update", BEARER, "application/x-www-form-urlencoded",
                "guid=" + job.guid() + "&status=4");
        assertThat(robot.statusCode()).isEqualTo(200);
        assertThat(server.store.read(job.guid()).status()).isEqualTo(4);

        var mixed = call("PUT", "/api/job/update", "{\"guid\": \"" + job.guid() + "\", \"status\": \"5\"}");
        assertThat(mixed.statusCode()).isEqualTo(200);
        assertThat(server.store.read(job.guid()).status()).isEqualTo(5);
    }

    @Test
    void deleteReturnsAnEmptyArray() throws Exception {
        Job job = seed(1);
        var r = call("DELETE", "/api/job/delete/" + job.guid(), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("[]");
        assertThat(server.store.find(job.guid())).isEmpty();
    }

    @Test
    void basicAuthWorksAndMissingOrWrongKeysGet401WithJson() throws Exception {
        Job job = seed(1);
        assertThat(call("GET", "/api/job/read/" + job.guid(), "Basic " + b64(LocalApiServer.KEY.reveal()), null, null)
                .statusCode()).isEqualTo(200);
        for (String auth : new String[] {null, "Bearer " + b64("wrong-key"), "Bearer not-base64!!",
            LocalApiServer.KEY.reveal(), "Token " + b64(LocalApiServer.KEY.reveal())}) {
            var r = call("GET", "/api/job/read/" + job.guid(), auth, null, null);
            assertThat(r.statusCode()).as(String.valueOf(auth)).isEqualTo(401);
            assertThat(json.readTree(r.body()).get("error").asText()).isEqualTo("unauthorized");
        }
        var unauthorizedWrite = call("DELETE", "/api/job/delete/" + job.guid(), "Bearer " + b64("x"), null, null);
        assertThat(unauthorizedWrite.statusCode()).isEqualTo(401);
        assertThat(server.store.find(job.guid())).isPresent();
    }

    @Test
    void badInputGets400WithAMessageAndChangesNothing() throws Exception {
        Job job = seed(1);
        String[] bodies = {
            "{\"Guid\": \"not-a-guid\", \"process_version_id\": 1, \"robot_id\": 1}",
            "{\"process_version_id\": 1, \"robot_id\": 1}",
            "{\"Guid\": \"" + UUID.randomUUID() + "\", \"process_version_id\": \"abc\", \"robot_id\": 1}",
            "{\"Guid\": \"" + UUID.randomUUID() + "\", \"process_version_id\": 1, \"robot_id\": 1, \"status\": 42}",
            "{\"Guid\": \"" + UUID.randomUUID() + "\", \"process_version_id\": 1, \"robot_id\": -1}",
            "{\"Guid\": \"" + UUID.randomUUID() + "\", \"process_version_id\": 1, \"robot_id\": 1, \"stop_after\": \"soon\"}",
            "{not json",
            "[1, 2]",
            "",
        };
        for (String body : bodies) {
            var r = call("POST", "/api/job/create", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("message").asText()).as(body).isNotBlank();
        }
        var badStatus = call("POST", "/api/job/update", "{\"Guid\": \"" + job.guid() + "\", \"Status\": \"x\"}");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/job/read/'%20OR%201=1", null).statusCode()).isEqualTo(400);
        assertThat(server.store.query(JobQuery.all()).total()).isEqualTo(1);
        assertThat(server.store.read(job.guid()).status()).isEqualTo(1);
    }

    @Test
    void unknownGuidsGet404AndDuplicatesGet409() throws Exception {
        UUID unknown = UUID.randomUUID();
        assertThat(call("GET", "/api/job/read/" + unknown, null).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/job/delete/" + unknown, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/job/update", "{\"Guid\": \"" + unknown + "\", \"Status\": 8}").statusCode())
                .isEqualTo(404);
        Job job = seed(1);
        var dup = call("POST", "/api/job/create", "{\"Guid\": \"" + job.guid() + "\", \"process_version_id\": 9, \"robot_id\": 9}");
        assertThat(dup.statusCode()).isEqualTo(409);
        assertThat(json.readTree(dup.body()).get("error").asText()).isEqualTo("already_exists");
        assertThat(server.store.read(job.guid()).processVersionId()).isEqualTo(55L);
    }

    @Test
    void oversizedBodiesGet413() throws Exception {
        String big = "{\"Guid\": \"" + UUID.randomUUID() + "\", \"pad\": \"" + "x".repeat(70_000) + "\"}";
        assertThat(call("POST", "/api/job/create", big).statusCode()).isEqualTo(413);
        assertThat(server.store.query(JobQuery.all()).total()).isZero();
    }

    @Test
    void unknownPathsGet404AndWrongMethodsGet405WithAllow() throws Exception {
        assertThat(call("GET", "/api/job/list", null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/", null).statusCode()).isEqualTo(404);
        var r = call("GET", "/api/job/create", null);
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
        assertThat(call("POST", "/api/job/read/" + UUID.randomUUID(), "{}").statusCode()).isEqualTo(405);
        assertThat(call("GET", "/api/job/delete/" + UUID.randomUUID(), null).statusCode()).isEqualTo(405);
    }

    @Test
    void eachRequestIsLoggedOnceWithoutTheKey() throws Exception {
        Job job = seed(1);
        call("GET", "/api/job/read/" + job.guid(), null);
        assertThat(server.served(l -> l.startsWith("GET /api/job/read/"))).isTrue();
        assertThat(server.requests).hasSize(1);
        assertThat(server.requests.get(0)).startsWith("GET /api/job/read/" + job.guid() + " 200 ")
                .doesNotContain(LocalApiServer.KEY.reveal()).doesNotContain(b64(LocalApiServer.KEY.reveal()));
    }
}
