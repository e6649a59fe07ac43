package com.jobsconsole.gateway.remote;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    @Test
    void callersWaitingTogetherShareOneTransactionAndEachGetsItsOwnResult() throws Exception {
        AtomicInteger transactions = new AtomicInteger();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        GroupCommit commits = new GroupCommit(work -> {
            transactions.incrementAndGet();
            work.run();
        });
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<Integer> first = pool.submit(() -> commits.commit(() -> {
                firstInside.countDown();
                await(othersQueued); // the first transaction is slow: the others queue behind it
                return 0;
            }));
            firstInside.await(5, TimeUnit.SECONDS);
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                int n = i;
                others.add(pool.submit(() -> commits.commit(() -> n * 10)));
            }
            // all four queue behind the first, still inside: wait until the group holds them
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (commits.waiting() < 4 && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            assertThat(commits.waiting()).as("queued behind the first").isEqualTo(4);
            othersQueued.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isZero();
            for (int i = 0; i < 4; i++) {
                assertThat(others.get(i).get(5, TimeUnit.SECONDS)).isEqualTo((i + 1) * 10);
            }
            assertThat(transactions.get()).as("the four queued callers shared transactions").isLessThan(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingTransactionFailsEveryCallerInIt() {
        GroupCommit commits = new GroupCommit(work -> {
            work.run();
            throw new IllegalStateException("disk full");
        });
        assertThatThrownBy(() -> commits.commit(() -> 1)).hasMessage("disk full");
        GroupCommit ok = new GroupCommit(Runnable::run);
        assertThat(ok.commit(() -> 2)).as("a new group works").isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
