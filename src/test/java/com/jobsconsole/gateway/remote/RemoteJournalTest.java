package com.jobsconsole.gateway.remote;

import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.ConflictException;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.JournalUndo;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.JournalEntry;
import org.junit.jupiter.api.Test;
import com.jobsconsole.gateway.JournalContract;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.testing.LocalApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void aWriteTheOrchestratorDidNotTakeIsJournaledAsNotMade() {
        JobDraft d = JobDraft.of(UUID.randomUUID(), 55, 1, 4);
        server.store.create(JobDraft.of(d.guid(), 77, 9, 9)); // the orchestrator has another job with this GUID
        assertThatThrownBy(() -> gateway.create(d)).isInstanceOf(AlreadyExistsException.class);
        JournalEntry e = journal.entries(JobJournal.Query.latest(1)).get(0);
        assertThat(e.action()).isEqualTo(JournalAction.CREATE);
        assertThat(journal.items(e.id(), 0, 10)).singleElement()
                .satisfies(i -> assertThat(i.unmade()).isEqualTo("journal.unmade.exists"));
        JournalUndo.Result undo = new JournalUndo(gateway).undo(e.id());
        assertThat(undo.undone()).as("nothing made: nothing taken back").isZero();
        assertThat(server.store.find(d.guid())).isPresent();
    }

    @Test
    void aConflictDecidedForMineIsJournaledAndUndoneToTheirs() {
        Job job = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        server.store.updateStatus(job.guid(), 5); // the orchestrator's change meanwhile
        assertThatThrownBy(() -> gateway.updateStatus(job.guid(), 8)).isInstanceOf(ConflictException.class);
        RemoteSync sync = gateway.capability(RemoteSync.class).orElseThrow();
        sync.resolve(job.guid(), RemoteSync.Resolution.MINE);
        sync.sync(1, (d, n) -> { }, () -> false);
        assertThat(server.store.read(job.guid()).status()).isEqualTo(8);
        JournalEntry decided = journal.entries(new JobJournal.Query(null, null, JournalAction.SYNC_RESOLUTION, null, 1))
                .get(0);
        assertThat(journal.items(decided.id(), 0, 10)).singleElement().satisfies(i -> {
            assertThat(i.before().status()).isEqualTo(5);
            assertThat(i.after().status()).isEqualTo(8);
        });
        assertThat(new JournalUndo(gateway).undo(decided.id()).problems()).isEmpty();
        assertThat(server.store.read(job.guid()).status()).isEqualTo(5);
    }
}
