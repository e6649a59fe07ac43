package com.jobsconsole.gateway.remote;

import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.JobGatewayContract;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.testing.LocalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway contract against the remote gateway talking real HTTP to {@code serve} on loopback. */
class RemoteJobGatewayContractTest extends JobGatewayContract {

    @TempDir
    Path dir;
    private LocalApiServer server;

    @Override
    protected JobGateway newGateway() throws Exception {
        server = new LocalApiServer(dir);
        return RemoteJobGateway.open(RemoteTarget.of(server.baseUrl(), LocalApiServer.KEY),
                dir.resolve("cache.sqlite"), REFERENCE);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void everyCallWentOverHttpAndTheServerStoredTheJobs() {
        var job = gateway.create(draft());
        assertThat(server.store.read(job.guid())).isEqualTo(job);
        assertThat(server.served(l -> l.startsWith("POST /api/job/create 200"))).as("the create's log line").isTrue();
        assertThat(((RemoteJobGateway) gateway).reachability()).isEqualTo(RemoteJobGateway.Reachability.ANSWERED);
    }
}
