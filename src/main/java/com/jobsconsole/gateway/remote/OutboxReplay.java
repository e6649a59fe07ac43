package com.jobsconsole.gateway.remote;

import com.jobsconsole.base.NoAnswerPolicy;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One replay of the outbox ({@code job sync}, the window's replay, a refresh's first step), with the
 * durability of a direct write: each job's writes in the order written, one at a time — an entry is
 * marked as being sent (committed) before its request leaves, and its outcome is committed before the
 * job's next entry is marked — while a few jobs go at once, their marks and outcomes sharing commits.
 * So after any crash each entry is known unsent, gone (done), or unverified, and a job has at most one
 * unverified entry, which the next replay settles by reading the job (see {@link Delivery}). Only one
 * replay of a cache runs at a time ({@link SendingLock}).
 */
final class OutboxReplay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxReplay.class);
    /** How long a replay waits for another one (here or in another process) before it says so. */
    static final long WAIT_FOR_OTHER_MS = 3_000;

    private final OutboxSync writes;
    private final OutboxTable outbox;
    private final SendingLock lock;
    private final GroupCommit commits;
    private final Consumer<UUID> touched;
    /** The gateway's batched cache writer. */
    private final CacheWriter later;
    /** The target's breaker: no more calls once it is open (but its one try through). */
    private final NoAnswerPolicy breaker;
    private final AtomicInteger sent = new AtomicInteger();
    /** Set when no more calls should be made: the orchestrator stopped answering, or the key was refused. */
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean noAnswer = new AtomicBoolean();
    private final AtomicReference<GatewayException> problem = new AtomicReference<>();

    /** For one run: make a new one for the next. */
    OutboxReplay(OutboxSync writes, OutboxTable outbox, SendingLock lock, GroupCommit commits,
                 Consumer<UUID> touched, CacheWriter later, NoAnswerPolicy breaker) {
        this.later = later;
        this.breaker = breaker;
        this.writes = writes;
        this.outbox = outbox;
        this.lock = lock;
        this.commits = commits;
        this.touched = touched;
    }

    /**
     * Sends every job's waiting writes, {@code concurrency} jobs at once, each job's in order; stops
     * when the target's breaker opens ({@link RemoteSync#NO_ANSWER_LIMIT} no-answers in a row; while it
     * is open, one job goes first, alone), or when not authorized. Throws
     * {@link com.jobsconsole.gateway.ReplayBusyException} when another replay of the cache runs.
     */
    SyncReport run(int concurrency, RemoteSync.Progress progress, BooleanSupplier cancelled) {
        try (SendingLock.Held held = lock.replay(WAIT_FOR_OTHER_MS)) {
            List<UUID> jobs = outbox.jobsToSend();
            boolean probe = breaker.isOpen();
            breaker.letOneThrough(); // a replay probes at once, with one job; its own rounds are the back-off
            int conflictsBefore = outbox.conflicts();
            BoundedRun.forEach("jobs-console-sync", jobs, concurrency, () -> stop.get() || cancelled.getAsBoolean(),
                    guid -> {
                        if (!stop.get() && !cancelled.getAsBoolean()) {
                            sendJob(guid, cancelled);
                        }
                    }, progress, probe);
            if (stop.get()) {
                progress.update(jobs.size(), jobs.size());
            }
            later.flush();
            int conflicts = outbox.conflicts();
            return new SyncReport(sent.get(), Math.max(0, conflicts - conflictsBefore), conflicts, outbox.count(),
                    noAnswer.get(), problem.get(), cancelled.getAsBoolean());
        }
    }

    /**
     * Sends one job's writes in order until one is not done (the job's later writes wait behind it).
     * Each step is one commit: the previous entry's outcome and the mark of the next.
     */
    private void sendJob(UUID guid, BooleanSupplier cancelled) {
        synchronized (lock.forJob(guid)) {
            OutboxEntry previous = null;
            Outcome previousOutcome = null;
            try {
                while (true) {
                    OutboxEntry done = previous;
                    Outcome doneOutcome = previousOutcome;
                    boolean goOn = !stop.get() && !cancelled.getAsBoolean();
                    OutboxEntry next = commits.commit(() -> {
                        if (done != null) {
                            writes.settleIn(done, doneOutcome, false, later::submit);
                        }
                        return goOn ? claimFirst(guid) : null;
                    });
                    if (done != null) {
                        touched.accept(guid);
                        previous = null;
                    }
                    if (next == null) {
                        return;
                    }
                    if (breaker.isOpen() && !breaker.allows()) {
                        if (next.state() == State.PENDING) { // marked just now, not sent: waiting again
                            commits.commit(() -> {
                                outbox.notSent(next.id(), Delivery.problem("outbox.waiting.breaker",
                                        writes.targetUrl(), RemoteSync.NO_ANSWER_LIMIT));
                                return null;
                            });
                        }
                        noAnswer.set(true);
                        stop.set(true);
                        return;
                    }
                    Outcome o = writes.deliver(next);
                    if (o instanceof Done) {
                        sent.incrementAndGet();
                        if (outbox.hasAfter(guid, next.id())) {
                            previous = next; // its outcome is committed with the next one's mark
                            previousOutcome = o;
                            continue;
                        }
                        // the job's last write: nothing waits for its outcome, which is written down
                        // batched (lost in a crash, it is still unverified and settled by reading)
                        later.submit(() -> writes.settleIn(next, o, false, Runnable::run));
                        return;
                    }
                    commits.commit(() -> {
                        writes.settleIn(next, o, next.state() == State.PENDING);
                        return null;
                    });
                    touched.accept(guid);
                    noted(o);
                    return;
                }
            } catch (RuntimeException e) {
                // the outcome could not be written down: the entry stays unverified, settled next time by reading
                LOG.warn("replay of job {} stopped: {}", guid, e.getMessage());
                if (e instanceof GatewayException g) {
                    problem.compareAndSet(null, g);
                }
                stop.set(true);
            }
        }
    }

    /**
     * The job's first entry, marked as being sent if it was waiting (inside the caller's transaction);
     * null when there is none, or it is a conflict. The returned entry keeps its state before the mark.
     */
    private OutboxEntry claimFirst(UUID guid) {
        OutboxEntry first = outbox.first(guid).orElse(null);
        if (first == null || first.state() == State.CONFLICT) {
            return null;
        }
        if (first.state() == State.PENDING && !outbox.claim(first.id(), guid)) {
            return null; // cannot happen while the sending lock is held; never send what is not marked
        }
        return first;
    }

    private void noted(Outcome o) {
        if (o instanceof NoAnswer n) {
            noAnswer.set(true);
            problem.set(n.error());
            if (breaker.isOpen()) {
                stop.set(true);
            }
        } else if (o instanceof Refused r && r.error() instanceof NotAuthorizedException) {
            problem.set(r.error());
            stop.set(true);
        }
    }
}
