package com.jobsconsole.gateway.remote;

import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.gateway.remote.Delivery.Conflict;
import com.jobsconsole.gateway.remote.Delivery.Done;
import com.jobsconsole.gateway.remote.Delivery.NoAnswer;
import com.jobsconsole.gateway.remote.Delivery.Outcome;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.testing.EffectLog;
import com.jobsconsole.testing.FaultProxy;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The natural-key rules, against a real {@code serve}: what each kind of write comes to, and what the orchestrator did. */
class DeliveryTest {

    @TempDir
    Path dir;
    private LocalApiServer server;
    private FaultProxy proxy;
    private EffectLog effects;
    private Delivery delivery;

    @BeforeEach
    void setUp() throws Exception {
        server = new LocalApiServer(dir);
        effects = EffectLog.install(dir.resolve("server.sqlite"));
        proxy = new FaultProxy(server.server.port());
        delivery = new Delivery(new JobApiClient(new RemoteTarget(URI.create(proxy.baseUrl()), LocalApiServer.KEY,
                AuthScheme.BEARER, Duration.ofSeconds(1), Duration.ofSeconds(2), null), TestStore.REFERENCE));
    }

    @AfterEach
    void tearDown() throws Exception {
        proxy.close();
        server.close();
    }

    private static OutboxEntry update(UUID g, int status, Integer base) {
        return new OutboxEntry(1, g, OutboxEntry.Op.UPDATE, null, status, base, OutboxEntry.State.UNVERIFIED,
                LocalDateTime.now(), 0, List.of(), null);
    }

    private static OutboxEntry create(JobDraft d) {
        return new OutboxEntry(1, d.guid(), OutboxEntry.Op.CREATE, d, d.status(), null, OutboxEntry.State.PENDING,
                LocalDateTime.now(), 0, List.of(), null);
    }

    @Test
    void anUpdateAlreadyInEffectIsDoneWithoutSendingOneAtItsBaseIsSentAndAnyOtherIsAConflict() throws Exception {
        Job j = server.store.create(JobDraft.of(UUID.randomUUID(), 7, 3, 1));
        server.store.updateStatus(j.guid(), 8);
        int before = effects.count();
        assertThat(delivery.deliver(update(j.guid(), 8, 1))).as("its answer was lost: it is in effect").isInstanceOf(Done.class);
        assertThat(effects.count()).as("not applied again").isEqualTo(before);

        Outcome sent = delivery.deliver(update(j.guid(), 6, 8));
        assertThat(sent).isInstanceOf(Done.class);
        assertThat(((Done) sent).job().status()).as("read back").isEqualTo(6);
        assertThat(effects.byJob().get(j.guid())).endsWith("8>6");

        Outcome other = delivery.deliver(update(j.guid(), 7, 8)); // base 8, but the orchestrator has 6
        assertThat(other).isInstanceOf(Conflict.class);
        assertThat(((Conflict) other).problem()).startsWith(OutboxEntry.CONFLICT_CHANGED);
        assertThat(((Conflict) other).theirStatus()).isEqualTo(6);
        assertThat(server.store.read(j.guid()).status()).as("never overwritten").isEqualTo(6);

        assertThat(delivery.deliver(update(UUID.randomUUID(), 5, 1))).isInstanceOf(Conflict.class)
                .extracting(o -> ((Conflict) o).problem().get(0)).isEqualTo(OutboxEntry.CONFLICT_GONE);
    }

    @Test
    void aCreateIsDoneOnceByItsGuidAndAnotherJobUnderItIsAConflict() throws Exception {
        JobDraft d = JobDraft.of(UUID.randomUUID(), 7, 3, 1);
        assertThat(delivery.deliver(create(d))).isInstanceOf(Done.class);
        assertThat(delivery.deliver(create(d))).as("409, the same job: done").isInstanceOf(Done.class);
        assertThat(effects.byJob().get(d.guid())).containsExactly("create 1");
        JobDraft someoneElses = JobDraft.of(d.guid(), 99, 3, 1);
        assertThat(delivery.deliver(create(someoneElses))).isInstanceOf(Conflict.class)
                .extracting(o -> ((Conflict) o).problem().get(0)).isEqualTo(OutboxEntry.CONFLICT_EXISTS);
    }

    @Test
    void aDeleteOfAJobAlreadyGoneIsDoneAndALostAnswerMayHaveBeenReceived() throws Exception {
        Job j = server.store.create(JobDraft.of(UUID.randomUUID(), 7, 3, 1));
        OutboxEntry delete = new OutboxEntry(1, j.guid(), OutboxEntry.Op.DELETE, null, null, null,
                OutboxEntry.State.PENDING, LocalDateTime.now(), 0, List.of(), null);
        proxy.fail(line -> line.startsWith("DELETE"), FaultProxy.Fault.DROP_AFTER_COMMIT, 1);
        Outcome lost = delivery.deliver(delete);
        assertThat(lost).isInstanceOf(NoAnswer.class);
        assertThat(((NoAnswer) lost).maybeReceived()).isTrue();
        Outcome again = delivery.deliver(delete);
        assertThat(again).isInstanceOf(Done.class);
        assertThat(((Done) again).wasGone()).as("404: done, once").isTrue();
        assertThat(effects.byJob().get(j.guid())).containsExactly("create 1", "delete");

        proxy.refuse();
        Outcome refused = delivery.deliver(update(j.guid(), 5, 1));
        assertThat(refused).isInstanceOf(NoAnswer.class);
        assertThat(((NoAnswer) refused).maybeReceived()).as("certainly not received").isFalse();
    }
}
