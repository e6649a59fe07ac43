package com.jobsconsole.gateway;

import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.JobDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads by GUID a few at a time: every one found or named missing, progress counted, a cancel leaves the rest. */
class GuidReadsTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryGuidInParallelAndSaysWhichAreMissing() {
        try (SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE)) {
            List<UUID> guids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                guids.add(store.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4)).guid());
            }
            Set<UUID> unknown = Set.of(UUID.randomUUID(), UUID.randomUUID());
            guids.addAll(unknown);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            AtomicInteger last = new AtomicInteger();
            GuidReads.Result r = GuidReads.read(store, guids, 4, () -> false, done -> {
                threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
                last.accumulateAndGet(done, Math::max);
            });
            assertThat(r.found()).hasSize(200);
            assertThat(r.missing()).isEqualTo(unknown);
            assertThat(r.left()).isEmpty();
            assertThat(last.get()).isEqualTo(202);
            assertThat(threads).as("read by several threads").hasSizeGreaterThan(1);

            AtomicInteger reads = new AtomicInteger();
            GuidReads.Result cancelled = GuidReads.read(store, guids, 4, () -> reads.get() >= 10,
                    done -> reads.incrementAndGet());
            assertThat(cancelled.left()).hasSizeGreaterThan(150);
            assertThat(cancelled.found().size() + cancelled.missing().size() + cancelled.left().size()).isEqualTo(202);
        }
    }
}
