package com.jobsconsole.gateway;

import com.jobsconsole.base.DaemonThreads;
import com.jobsconsole.model.Job;

import java.util.Collection;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Jobs read one by one by GUID through a target's gateway, a few at a time (the GUIDs pasted into the window
 * or given to {@code job watch}; on a remote profile each read asks the orchestrator and keeps the job in the
 * cache). When the target stops answering (its no-answer policy gave up: {@link UnavailableException}) no
 * further read starts; those not read are "left". Cancel works the same way.
 */
public final class GuidReads {

    /** How many reads at once: enough to hide a round trip, few enough not to crowd an orchestrator. */
    public static final int PARALLEL = 4;

    /** What the reads found: the jobs, the GUIDs the target does not know, and those not read (no answer, cancel). */
    public record Result(Map<UUID, Job> found, Set<UUID> missing, Set<UUID> left) {
    }

    private GuidReads() {
    }

    /**
     * Reads every GUID of {@code guids}, {@code parallel} at a time; {@code progress} gets the number done so far
     * (on a reading thread). Returns when all are done or left.
     */
    public static Result read(JobGateway gateway, Collection<UUID> guids, int parallel, BooleanSupplier cancelled,
                              IntConsumer progress) {
        Map<UUID, Job> found = new ConcurrentHashMap<>();
        Set<UUID> missing = ConcurrentHashMap.newKeySet();
        Set<UUID> left = ConcurrentHashMap.newKeySet();
        Queue<UUID> waiting = new ConcurrentLinkedQueue<>(guids);
        AtomicBoolean answering = new AtomicBoolean(true);
        AtomicInteger done = new AtomicInteger();
        Runnable reader = () -> {
            for (UUID g = waiting.poll(); g != null; g = waiting.poll()) {
                if (cancelled.getAsBoolean() || !answering.get()) {
                    left.add(g);
                    continue;
                }
                try {
                    found.put(g, gateway.read(g));
                } catch (NotFoundException e) {
                    missing.add(g);
                } catch (StaleCopyException e) {
                    found.put(g, e.cached()); // the orchestrator did not answer; the cache's copy stands
                    answering.set(false);
                } catch (UnavailableException e) {
                    answering.set(false);
                    left.add(g);
                } catch (GatewayException e) {
                    missing.add(g); // refused for this one (a bad answer): not known here
                }
                progress.accept(done.incrementAndGet());
            }
        };
        int threads = Math.max(1, Math.min(parallel, guids.size()));
        if (threads == 1) {
            reader.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.numbered("guid-reads-"));
            try {
                for (int i = 0; i < threads; i++) {
                    pool.execute(reader);
                }
            } finally {
                pool.shutdown();
                awaitAll(pool);
            }
        }
        return new Result(Map.copyOf(found), Set.copyOf(missing), Set.copyOf(left));
    }

    private static void awaitAll(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.HOURS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                pool.shutdownNow();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
