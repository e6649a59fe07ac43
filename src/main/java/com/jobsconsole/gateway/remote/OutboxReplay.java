package com.jobsconsole.gateway.remote;

import com.jobsconsole.base.DaemonThreads;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.OutboxEntry.State;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync.SyncReport;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.remote.Delivery.Done;
import com.jobsconsole.gateway.remote.Delivery.NoAnswer;
import com.jobsconsole.gateway.remote.Delivery.Outcome;
import com.jobsconsole.gateway.remote.Delivery.Refused;
import com.jobsconsole.gateway.sqlite.OutboxTable;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One replay of the outbox ({@code job sync}, the window's replay, a refresh's first step): every
 * job's waiting writes sent in the order written, a few jobs at once, with {@link OutboxSync}'s rules;
 * what they came to written down in batches.
 */
final class OutboxReplay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxReplay.class);

    private final OutboxSync writes;
    private final SqliteJobGateway cache;
    private final OutboxTable outbox;
    private final Consumer<UUID> touched;
    private final Settler settler = new Settler();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger noAnswerInARow = new AtomicInteger();
    /** Set when no more calls should be made: the orchestrator stopped answering, or the key was refused. */
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean noAnswer = new AtomicBoolean();
    private final AtomicReference<GatewayException> problem = new AtomicReference<>();

    /** For one run: make a new one for the next. */
    OutboxReplay(OutboxSync writes, SqliteJobGateway cache, OutboxTable outbox, Consumer<UUID> touched) {
        this.writes = writes;
        this.cache = cache;
        this.outbox = outbox;
        this.touched = touched;
    }

    /**
     * Sends every job's waiting writes, {@code concurrency} jobs at once, each job's in order; stops
     * after {@link RemoteSync#NO_ANSWER_LIMIT} no-answers in a row, or when not authorized.
     */
    SyncReport run(int concurrency, RemoteSync.Progress progress, BooleanSupplier cancelled) {
        // one read of the outbox, each job's writes in order; a job whose first write is a conflict waits.
        // An entry settled meanwhile by someone else is harmless to send again (the natural keys) and to
        // write down again (settleIn skips it).
        Map<UUID, List<OutboxEntry>> byJob = new LinkedHashMap<>();
        for (OutboxEntry e : outbox.all()) {
            byJob.computeIfAbsent(e.guid(), g -> new ArrayList<>()).add(e);
        }
        byJob.values().removeIf(entries -> entries.get(0).state() == State.CONFLICT);
        List<UUID> jobs = List.copyOf(byJob.keySet());
        int conflictsBefore = outbox.conflicts();
        try {
            BoundedRun.forEach("jobs-console-sync", jobs, concurrency, () -> stop.get() || cancelled.getAsBoolean(),
                    guid -> {
                        if (!stop.get() && !cancelled.getAsBoolean()) {
                            sendJob(byJob.get(guid));
                        }
                    }, progress);
        } finally {
            settler.finish();
        }
        if (stop.get()) {
            progress.update(jobs.size(), jobs.size());
        }
        if (settler.failure.get() instanceof GatewayException g) {
            problem.compareAndSet(null, g);
        }
        int conflicts = outbox.conflicts();
        return new SyncReport(sent.get(), Math.max(0, conflicts - conflictsBefore), conflicts, outbox.count(),
                noAnswer.get(), problem.get(), cancelled.getAsBoolean());
    }

    /** Sends one job's writes in order, until one is not done (the job's later writes wait behind it). */
    private void sendJob(List<OutboxEntry> entries) {
        synchronized (writes.lockFor(entries.get(0).guid())) {
            for (OutboxEntry e : entries) {
                if (e.state() == State.CONFLICT || stop.get()) {
                    return;
                }
                Outcome o = writes.deliver(e);
                settler.add(e, o);
                if (o instanceof Done) {
                    sent.incrementAndGet();
                    noAnswerInARow.set(0);
                    continue;
                }
                if (o instanceof NoAnswer n) {
                    noAnswer.set(true);
                    problem.set(n.error());
                    if (noAnswerInARow.incrementAndGet() >= RemoteSync.NO_ANSWER_LIMIT) {
                        stop.set(true);
                    }
                } else if (o instanceof Refused r && r.error() instanceof NotAuthorizedException) {
                    problem.set(r.error());
                    stop.set(true);
                } else {
                    noAnswerInARow.set(0);
                }
                return;
            }
        }
    }

    /**
     * A replay's outcomes, written down in batches (one transaction each, in the order they came):
     * writing each in a transaction of its own cost more than sending it. An outcome not yet written
     * when the process dies is sent again by the next replay, which the natural-key rules make
     * harmless.
     */
    private final class Settler {
        private static final int BATCH = 128;
        private static final long MAX_DELAY_NANOS = 200_000_000L;
        private final ExecutorService committer = Executors.newSingleThreadExecutor(
                DaemonThreads.named("jobs-console-sync-writer"));
        private List<OutboxEntry> entries = new ArrayList<>();
        private List<Outcome> outcomes = new ArrayList<>();
        private long startedAt;
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        synchronized void add(OutboxEntry e, Outcome o) {
            if (entries.isEmpty()) {
                startedAt = System.nanoTime();
            }
            entries.add(e);
            outcomes.add(o);
            if (entries.size() >= BATCH || System.nanoTime() - startedAt > MAX_DELAY_NANOS) {
                submit();
            }
        }

        private void submit() {
            if (entries.isEmpty()) {
                return;
            }
            List<OutboxEntry> es = entries;
            List<Outcome> os = outcomes;
            entries = new ArrayList<>();
            outcomes = new ArrayList<>();
            committer.execute(() -> {
                try {
                    cache.inTransaction(() -> {
                        for (int i = 0; i < es.size(); i++) {
                            writes.settleIn(es.get(i), os.get(i));
                        }
                    });
                    es.forEach(e -> touched.accept(e.guid()));
                } catch (RuntimeException x) {
                    // what was not written down is sent again next time (harmless: the natural keys)
                    LOG.warn("writing down {} replayed write(s) failed: {}", es.size(), x.getMessage());
                    failure.compareAndSet(null, x);
                }
            });
        }

        /** Writes down what is left and waits for every batch. */
        void finish() {
            synchronized (this) {
                submit();
            }
            committer.shutdown();
            try {
                while (!committer.awaitTermination(1, TimeUnit.SECONDS)) {
                    LOG.debug("waiting for the replay's outcomes to be written down");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
