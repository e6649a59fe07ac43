package com.jobsconsole.gateway.remote;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.Exchange;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.gateway.StaleCopyException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.testing.ScriptedServer;
import com.jobsconsole.testing.TestCertificates;
import com.jobsconsole.testing.TestStore;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.jobsconsole.testing.Rendered.english;
import static com.jobsconsole.testing.Rendered.russian;
import static com.jobsconsole.testing.Rendered.says;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every way an orchestrator can fail, each with its typed error, a clear message, and no key in sight. */
class RemoteFaultsTest {

    private static final ApiKey KEY = ApiKey.of("c0ffee00-1111-2222-3333-444455556666");
    private static final String G = "0f8fad5b-d9cb-469f-a165-70867728950e";

    @TempDir
    Path dir;
    private ScriptedServer server;
    private RemoteJobGateway gateway;

    @AfterEach
    void tearDown() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private RemoteJobGateway gateway(String url, Duration requestTimeout, Path ca) {
        gateway = RemoteJobGateway.open(new RemoteTarget(URI.create(url), KEY, AuthScheme.BEARER,
                Duration.ofSeconds(2), requestTimeout, ca), dir.resolve("cache.sqlite"), TestStore.REFERENCE);
        return gateway;
    }

    private RemoteJobGateway scripted(int status, String body) throws Exception {
        server = ScriptedServer.http().answer(status, body);
        return gateway(server.baseUrl(), Duration.ofSeconds(5), null);
    }

    private static void assertNoKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY.reveal());
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY.header(AuthScheme.BEARER).substring(7));
            assertThat(english(t)).doesNotContain(KEY.reveal()).doesNotContain(KEY.header(AuthScheme.BEARER).substring(7));
        }
    }

    @Test
    void unauthorizedAndForbiddenAreToldApart() throws Exception {
        RemoteJobGateway g = scripted(401, "{\"message\": \"bad key\"}");
        assertThatThrownBy(() -> g.read(UUID.fromString(G))).isInstanceOf(NotAuthorizedException.class)
                .satisfies(says("401")).satisfies(says("bad key")).satisfies(RemoteFaultsTest::assertNoKey);
        server.answer(403, "");
        assertThatThrownBy(() -> g.read(UUID.fromString(G))).isInstanceOf(NotAuthorizedException.class)
                .satisfies(says("403")).satisfies(says("may not do this"));
        assertThat(server.requests.get(0)).endsWith(KEY.header(AuthScheme.BEARER));
    }

    @Test
    void notFoundMeansNoSuchJobAndMarksTheCachedCopyGone() throws Exception {
        RemoteJobGateway g = scripted(200, "{\"guid\": \"" + G + "\", \"status\": 1}");
        g.read(UUID.fromString(G));
        assertThat(g.query(JobQuery.all()).total()).isEqualTo(1);
        server.answer(404, "{\"error\": \"not_found\"}");
        assertThatThrownBy(() -> g.read(UUID.fromString(G))).isInstanceOf(NotFoundException.class);
        assertThat(g.query(JobQuery.all()).total()).as("kept, marked gone").isEqualTo(1);
        assertThat(g.syncStates()).containsEntry(UUID.fromString(G), RemoteSync.JobSyncState.GONE);
        assertThat(g.clearGone()).isEqualTo(1);
        assertThat(g.query(JobQuery.all()).total()).isZero();
    }

    @Test
    void aNotFoundThatIsNotTheApisOwnAnswerChangesNothing() throws Exception {
        RemoteJobGateway g = scripted(200, "{\"guid\": \"" + G + "\", \"status\": 1}");
        UUID guid = UUID.fromString(G);
        g.read(guid);
        for (String body : List.of("<html><body><h1>404 Not Found</h1><hr>nginx</body></html>", "")) {
            server.answer(404, body);
            // the read gives the copy kept here, marked stale; why the orchestrator gave none is its cause
            StaleCopyException stale = catchThrowableOfType(() -> g.read(guid), StaleCopyException.class);
            assertThat(stale).as(body).isNotNull();
            UnavailableException e = (UnavailableException) stale.getCause();
            assertThat(e.messageKey()).isEqualTo("error.remote.notTheApi");
            assertThat(english(e)).contains("not from the Job API").contains("404");
            assertThat(catchThrowableOfType(() -> g.delete(guid), UnavailableException.class)).isNotNull();
            assertThat(catchThrowableOfType(() -> g.updateStatus(guid, 5), UnavailableException.class)).isNotNull();
            // a refresh through such a proxy keeps the job
            RemoteSync.RefreshReport report = g.capability(RemoteSync.class).orElseThrow()
                    .refresh(2, (done, total) -> { }, () -> false);
            assertThat(report.gone()).isZero();
            assertThat(report.failed()).containsKey(guid);
            assertThat(g.query(JobQuery.all()).total()).as("the cache keeps the job").isEqualTo(1);
        }
    }

    @Test
    void aReadTheOrchestratorDoesNotAnswerGivesTheCachedCopyMarkedWithWhenItWasLastSeen() throws Exception {
        RemoteJobGateway g = scripted(200, "{\"guid\": \"" + G + "\", \"status\": 4}");
        UUID guid = UUID.fromString(G);
        g.read(guid);
        server.answer(503, "<html>maintenance</html>");
        StaleCopyException stale = catchThrowableOfType(() -> g.read(guid), StaleCopyException.class);
        assertThat(stale).isNotNull();
        assertThat(stale.cached().guid()).isEqualTo(guid);
        assertThat(stale.cached().status()).isEqualTo(4);
        assertThat(stale.seenAt()).isNotNull();
        assertThat(english(stale)).contains("did not answer").contains("last showed it at "
                + JobJson.DATE_TIME.format(stale.seenAt()));
        assertThat(stale.getCause()).isInstanceOf(UnavailableException.class);
        // a job the cache does not hold: the plain failure
        UnavailableException plain = catchThrowableOfType(() -> g.read(UUID.randomUUID()), UnavailableException.class);
        assertThat(plain).isNotNull().isNotInstanceOf(StaleCopyException.class);
    }

    @Test
    void conflictOnCreateMeansTheGuidExists() throws Exception {
        RemoteJobGateway g = scripted(409, "{\"message\": \"exists\"}");
        assertThatThrownBy(() -> g.create(JobDraft.of(UUID.randomUUID(), 1, 1, 1)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(g.query(JobQuery.all()).total()).isZero();
    }

    @Test
    void otherRejectionsQuoteTheServer() throws Exception {
        RemoteJobGateway g = scripted(422, "{\"message\": \"robot 7 is offline\"}");
        assertThatThrownBy(() -> g.create(JobDraft.of(UUID.randomUUID(), 1, 7, 1)))
                .isInstanceOf(InvalidInputException.class).satisfies(says("robot 7 is offline"))
                .satisfies(says("422"));
    }

    @Test
    void serverErrorsAreUnavailableWithTheStatusAndTime() throws Exception {
        for (int status : new int[] {500, 503}) {
            RemoteJobGateway g = scripted(status, "<html>down for maintenance</html>");
            assertThatThrownBy(() -> g.updateStatus(UUID.fromString(G), 8)).isInstanceOf(UnavailableException.class)
                    .satisfies(says(String.valueOf(status))).satisfies(says("ms"))
                    .satisfies(says("down for maintenance"));
            assertThat(g.reachability()).isEqualTo(RemoteJobGateway.Reachability.NO_ANSWER);
            tearDown();
            gateway = null;
            server = null;
        }
    }

    @Test
    void malformedJsonIsRefusedQuotingTheStartOfTheBody() throws Exception {
        RemoteJobGateway g = scripted(200, "{\"guid\": \"" + G + "\", \"status\": oops " + "z".repeat(400));
        assertThatThrownBy(() -> g.read(UUID.fromString(G))).isInstanceOf(UnavailableException.class)
                .satisfies(says("cannot be read")).satisfies(says("not JSON"))
                .satisfies(e -> assertThat(english(e)).contains("{\"guid\"").doesNotContain("z".repeat(250)));
        assertThat(g.query(JobQuery.all()).total()).isZero();
    }

    @Test
    void aJobOtherThanTheOneAskedForIsRefused() throws Exception {
        RemoteJobGateway g = scripted(200, "{\"guid\": \"" + UUID.randomUUID() + "\", \"status\": 1}");
        assertThatThrownBy(() -> g.read(UUID.fromString(G))).isInstanceOf(UnavailableException.class)
                .satisfies(says("not " + G));
    }

    @Test
    void aTruncatedResponseIsAnError() throws Exception {
        server = ScriptedServer.truncated("{\"guid\": \"" + G + "\", \"sta");
        RemoteJobGateway g = gateway(server.baseUrl(), Duration.ofSeconds(5), null);
        assertThatThrownBy(() -> g.read(UUID.fromString(G))).isInstanceOf(UnavailableException.class)
                .satisfies(RemoteFaultsTest::assertNoKey);
    }

    @Test
    void aServerSlowerThanTheTimeoutIsUnavailableAfterTheTimeout() throws Exception {
        server = ScriptedServer.http().slow();
        RemoteJobGateway g = gateway(server.baseUrl(), Duration.ofMillis(300), null);
        assertThatThrownBy(() -> g.read(UUID.fromString(G))).isInstanceOf(UnavailableException.class)
                .satisfies(says("did not answer within"));
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RemoteJobGateway g = gateway("http://127.0.0.1:" + port, Duration.ofSeconds(2), null);
        GatewayException e = (GatewayException) Assertions.catchThrowable(
                () -> g.create(JobDraft.of(UUID.randomUUID(), 1, 1, 1)));
        assertThat(e).isInstanceOf(UnavailableException.class).satisfies(says("cannot be reached"));
        assertThat(russian(e)).contains("недоступен");
        assertThat(g.reachability()).isEqualTo(RemoteJobGateway.Reachability.NO_ANSWER);
    }

    @Test
    void anUntrustedCertificateIsRefusedAndTrustedOnceItsCaIsGiven() throws Exception {
        TestCertificates certs = TestCertificates.create(dir);
        server = ScriptedServer.https(certs.serverContext()).answer(200, "{\"guid\": \"" + G + "\", \"status\": 8}");
        RemoteJobGateway untrusted = gateway(server.httpsUrlWithHostName(), Duration.ofSeconds(5), null);
        assertThatThrownBy(() -> untrusted.read(UUID.fromString(G))).isInstanceOf(UnavailableException.class)
                .satisfies(says("secure connection")).satisfies(says("private CA"));
        untrusted.close();
        gateway = null;

        RemoteJobGateway trusted = gateway(server.httpsUrlWithHostName(), Duration.ofSeconds(5), certs.certificatePem);
        assertThat(trusted.read(UUID.fromString(G)).status()).isEqualTo(8);
    }

    @Test
    void aCaFileThatIsNotACertificateIsAClearError() throws Exception {
        Path bad = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        assertThatThrownBy(() -> gateway("https://localhost:1", Duration.ofSeconds(1), bad))
                .isInstanceOf(InvalidInputException.class).satisfies(says(bad.toString()));
    }

    @Test
    void theKeyIsNeverInToStringOrExchanges() throws Exception {
        RemoteJobGateway g = scripted(200, "{\"guid\": \"" + G + "\", \"status\": 1}");
        var captured = g.capture(() -> g.read(UUID.fromString(G)));
        assertThat(captured.exchanges()).hasSize(1);
        Exchange ex = captured.exchanges().get(0);
        assertThat(ex.requestText()).contains("Authorization: Bearer " + ApiKey.MASK).doesNotContain(KEY.reveal())
                .doesNotContain(KEY.header(AuthScheme.BEARER).substring(7));
        assertThat(ex.toCurl()).contains("$JOBS_CONSOLE_API_KEY").doesNotContain(KEY.reveal());
        assertThat(ex.responseText()).startsWith("HTTP 200");
        assertThat(g.toString()).doesNotContain(KEY.reveal());
        assertThat(KEY.toString()).isEqualTo(ApiKey.MASK);
    }

    @Test
    void aGuidOnlyCreateAnswerIsFollowedByARead() throws Exception {
        UUID guid = UUID.randomUUID();
        RemoteJobGateway g = scripted(200, "[{\"guid\": \"" + guid + "\"}]");
        // the follow-up read gets the same scripted answer: only a GUID, which is not a job
        // the orchestrator took the create but its job cannot be read: the write stays, unverified
        assertThatThrownBy(() -> g.create(JobDraft.of(guid, 1, 1, 1))).isInstanceOf(UnavailableException.class)
                .satisfies(says("answer was lost"))
                .satisfies(e -> assertThat(english(e.getCause())).contains("only a GUID"));
        assertThat(g.outbox()).singleElement().satisfies(e -> assertThat(e.state())
                .isEqualTo(OutboxEntry.State.UNVERIFIED));
        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(1)).startsWith("GET /api/job/read/" + guid);
    }
}
