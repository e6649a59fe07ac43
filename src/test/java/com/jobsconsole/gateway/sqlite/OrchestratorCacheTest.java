package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.OutboxEntry.State;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An orchestrator's cache file: its outbox's order rules and its kept rows (seen, gone, removed). */
class OrchestratorCacheTest {

    @TempDir
    Path dir;
    private OrchestratorCache cache;

    @BeforeEach
    void setUp() {
        cache = OrchestratorCache.open(dir.resolve("cache.sqlite"), TestStore.REFERENCE);
    }

    @AfterEach
    void tearDown() {
        cache.close();
    }

    @Test
    void aJobsLaterWriteIsNeverMarkedAsBeingSentWhileAnEarlierOneWaits() {
        UUID g = UUID.randomUUID();
        OutboxTable outbox = cache.outbox();
        long create = outbox.addCreate(JobDraft.of(g, 7, 3, 1));
        long update = outbox.addUpdate(g, 8, 1);
        assertThat(outbox.claim(update, g)).as("behind the create").isFalse();
        assertThat(outbox.claim(create, g)).isTrue();
        assertThat(outbox.claim(create, g)).as("once").isFalse();
        assertThat(outbox.first(g).orElseThrow().state()).isEqualTo(State.UNVERIFIED);
        assertThat(outbox.first(g).orElseThrow().problemKey()).isEqualTo(OutboxTable.SENT);
        assertThat(outbox.hasAfter(g, create)).isTrue();
        assertThat(outbox.remove(create)).isTrue();
        assertThat(outbox.remove(create)).as("settled by someone else: nothing").isFalse();
        assertThat(outbox.hasAfter(g, update)).isFalse();
        assertThat(outbox.claim(update, g)).as("now it is the first").isTrue();
        outbox.notSent(update, List.of("outbox.waiting.behind", g.toString()));
        assertThat(outbox.first(g).orElseThrow().state()).isEqualTo(State.PENDING);
    }

    @Test
    void jobsToSendAreInTheOrderOfTheirFirstWriteAndAJobHeldByAConflictWaits() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        OutboxTable outbox = cache.outbox();
        outbox.addCreate(JobDraft.of(b, 7, 3, 1));
        long conflicting = outbox.addUpdate(a, 8, 1);
        outbox.addUpdate(a, 5, 8);
        outbox.addDelete(c);
        outbox.addUpdate(b, 8, 1);
        outbox.conflict(conflicting, List.of(OutboxEntry.CONFLICT_CHANGED, a.toString(), "1", "6", "8"), 6);
        assertThat(outbox.jobsToSend()).containsExactly(b, c);
        assertThat(outbox.conflicts()).isEqualTo(1);
        assertThat(outbox.count()).isEqualTo(5);
        assertThat(outbox.states()).containsEntry(a, RemoteSync.JobSyncState.CONFLICT);
    }

    @Test
    void keptRowsAreSeenMarkedGoneAndClearedUnlessAWriteWaits() {
        CacheTable kept = cache.kept();
        Job theirs = cache.jobs().create(JobDraft.of(UUID.randomUUID(), 7, 3, 1));
        Job other = cache.jobs().create(JobDraft.of(UUID.randomUUID(), 7, 3, 1));
        Job without = new Job(theirs.guid(), 8, theirs.type(), theirs.source(), 7L, 3L, 1L, null, null, null, null,
                null, null, LocalDateTime.of(2026, 12, 1, 10, 0), null);
        kept.put(without);
        Job stored = cache.jobs().read(theirs.guid());
        assertThat(stored.status()).isEqualTo(8);
        assertThat(stored.createdAt()).as("the kept copy's times stand in for missing ones").isEqualTo(theirs.createdAt());
        assertThat(kept.seenAt(theirs.guid())).isPresent();

        kept.markGone(UUID.randomUUID()); // not kept: nothing
        kept.markGone(theirs.guid());
        kept.markGone(other.guid());
        assertThat(kept.goneJobs()).containsExactlyInAnyOrder(theirs.guid(), other.guid());
        cache.outbox().addUpdate(other.guid(), 5, 1);
        assertThat(cache.clearGone()).as("the job with a write waiting stays").isEqualTo(1);
        assertThat(cache.jobs().find(theirs.guid())).isEmpty();
        assertThat(cache.jobs().find(other.guid())).isPresent();
        kept.put(cache.jobs().read(other.guid()));
        assertThat(kept.goneJobs()).as("seen again: no longer gone").isEmpty();
        assertThat(kept.remove(other.guid())).isTrue();
        assertThat(kept.allGuids()).isEmpty();
    }

    @Test
    void aTransactionOfTheCacheIsAllOrNothing() {
        UUID g = UUID.randomUUID();
        try {
            cache.inTransaction(() -> {
                cache.outbox().addCreate(JobDraft.of(g, 7, 3, 1));
                cache.jobs().create(JobDraft.of(g, 7, 3, 1));
                throw new IllegalStateException("the process fails half-way");
            });
        } catch (IllegalStateException expected) {
            // what the test is about
        }
        assertThat(cache.outbox().count()).isZero();
        assertThat(cache.jobs().find(g)).isEmpty();
    }
}
