package com.jobsconsole.gateway;

import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.JobDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads by GUID a few at a time: every one found or named missing, progress counted, a cancel leaves the rest. */
class GuidReadsTest {

    @TempDir
    Path dir;

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void readsEveryGuidInParallelAndSaysWhichAreMissing() {
        try (SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE)) {
            List<UUID> guids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                guids.add(store.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4)).guid());
            }
            Set<UUID> unknown = Set.of(UUID.randomUUID(), UUID.randomUUID());
            guids.addAll(unknown);
            // the real store, each read held until a second one is in flight (or 5 s): reads one at a time would
            // never overlap, on however fast or loaded a machine
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch overlapped = new CountDownLatch(1);
            JobGateway watched = (JobGateway) Proxy.newProxyInstance(JobGateway.class.getClassLoader(),
                    new Class<?>[] {JobGateway.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("read")) {
                            return invoke(method, store, args);
                        }
                        int now = inFlight.incrementAndGet();
                        most.accumulateAndGet(now, Math::max);
                        try {
                            if (now > 1) {
                                overlapped.countDown();
                            }
                            if (!overlapped.await(5, TimeUnit.SECONDS)) {
                                overlapped.countDown(); // no second read came: the rest go on, the check below fails
                            }
                            return invoke(method, store, args);
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    });
            AtomicInteger last = new AtomicInteger();
            GuidReads.Result r = GuidReads.read(watched, guids, 4, () -> false, done -> last.accumulateAndGet(done, Math::max));
            assertThat(r.found()).hasSize(200);
            assertThat(r.missing()).isEqualTo(unknown);
            assertThat(r.left()).isEmpty();
            assertThat(last.get()).isEqualTo(202);
            assertThat(most.get()).as("reads in flight at once").isBetween(2, 4);

            AtomicInteger reads = new AtomicInteger();
            GuidReads.Result cancelled = GuidReads.read(store, guids, 4, () -> reads.get() >= 10,
                    done -> reads.incrementAndGet());
            assertThat(cancelled.left()).hasSizeGreaterThan(150);
            assertThat(cancelled.found().size() + cancelled.missing().size() + cancelled.left().size()).isEqualTo(202);
        }
    }
}
