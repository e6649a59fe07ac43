package com.jobsconsole.gateway.remote;

import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.JournalContract;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.testing.LocalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

/** The journal contract on a remote profile: its cache beside the outbox, over real HTTP to {@code serve}. */
class RemoteJournalTest extends JournalContract {

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

    @Override
    protected String expectedTarget() {
        return server.baseUrl();
    }

    @Override
    protected void changeElsewhere(UUID guid, int status) {
        server.store.updateStatus(guid, status);
    }

    @Override
    protected int statusElsewhere(UUID guid) {
        return server.store.read(guid).status();
    }
}
