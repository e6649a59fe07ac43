package com.jobsconsole.gateway.remote;

import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.ConflictException;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.OutboxEntry.Op;
import com.jobsconsole.gateway.OutboxEntry.State;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync.SyncReport;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.gateway.remote.Delivery.Conflict;
import com.jobsconsole.gateway.remote.Delivery.Done;
import com.jobsconsole.gateway.remote.Delivery.NoAnswer;
import com.jobsconsole.gateway.remote.Delivery.Outcome;
import com.jobsconsole.gateway.remote.Delivery.Refused;
import com.jobsconsole.gateway.sqlite.OutboxTable;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A remote target's writes through its durable outbox. A write is recorded together with the cache
 * change it expects (one transaction), then sent; what the orchestrator answered is written down in
 * another. A job's writes go in the order written and never overtake one another; a conflict holds
 * back the job's later writes until the user decides. Replays ({@link #sync}) use the same rules, so
 * after a crash or a lost answer every write has its effect once.
 */
final class OutboxSync {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSync.class);

    private final SqliteJobGateway cache;
    private final OutboxTable outbox;
    private final Delivery delivery;
    private final JobApiClient client;
    private final Breaker breaker;
    /** Told whether each call got an answer (the status bar's reachability). */
    private final Consumer<Boolean> answered;
    /** Told of each job whose cached copy this class changed (the gateway's memo of cached jobs). */
    private final Consumer<UUID> touched;
    /** A job's writes are sent by one thread at a time (striped by GUID). */
    private final Object[] jobLocks = new Object[64];
    private volatile boolean queue;

    OutboxSync(SqliteJobGateway cache, JobApiClient client, Breaker breaker, Consumer<Boolean> answered,
               Consumer<UUID> touched) {
        this.cache = cache;
        this.outbox = cache.outbox();
        this.client = client;
        this.delivery = new Delivery(client);
        this.breaker = breaker;
        this.answered = answered;
        this.touched = touched;
        for (int i = 0; i < jobLocks.length; i++) {
            jobLocks[i] = new Object();
        }
    }

    void queueWrites(boolean q) {
        queue = q;
    }

    private Object lockFor(UUID guid) {
        return jobLocks[(guid.hashCode() & 0x7fffffff) % jobLocks.length];
    }

    // ---- the user's writes ----------------------------------------------------------------------

    Job create(JobDraft d) {
        Job[] local = new Job[1];
        long id = record(d.guid(), null, () -> {
            local[0] = cache.create(d); // the cache already has this GUID: nothing is recorded
            return outbox.addCreate(d);
        });
        Outcome o = sendNow(d.guid(), id, null);
        if (o instanceof Done done) {
            return done.job() != null ? done.job() : local[0];
        }
        return local[0]; // queued (finish threw otherwise)
    }

    void updateStatus(UUID guid, int status) {
        Job before = cache.find(guid).orElse(null);
        long id = record(guid, before, () -> {
            long entry = outbox.addUpdate(guid, status, before == null ? null : before.status());
            if (before != null) {
                cache.updateStatus(guid, status);
            }
            return entry;
        });
        sendNow(guid, id, before);
    }

    void delete(UUID guid) {
        Job before = cache.find(guid).orElse(null);
        long id = record(guid, before, () -> {
            long entry = outbox.addDelete(guid);
            cache.remove(guid);
            return entry;
        });
        sendNow(guid, id, before);
    }

    private long record(UUID guid, Job before, Supplier<Long> work) {
        long[] id = new long[1];
        cache.inTransaction(() -> id[0] = work.get());
        touched.accept(guid);
        return id[0];
    }

    /**
     * Sends the job's waiting writes in order up to the one just recorded ({@code id}) and settles it:
     * returns its outcome when it was sent or kept; throws what the caller must hear otherwise.
     */
    private Outcome sendNow(UUID guid, long id, Job before) {
        synchronized (lockFor(guid)) {
            OutboxEntry blockedBy = null;
            for (OutboxEntry e : outbox.forJob(guid)) {
                if (e.state() == State.CONFLICT) {
                    blockedBy = e;
                    break;
                }
                if (!breaker.allows()) {
                    blockedBy = e;
                    break;
                }
                Outcome o = deliver(e);
                if (e.id() == id) {
                    return finish(e, o, before);
                }
                settle(e, o);
                if (!(o instanceof Done)) {
                    blockedBy = e;
                    break;
                }
            }
            if (queue) {
                return null; // kept, behind the job's earlier writes (or the open breaker)
            }
            undo(id, guid, before);
            if (blockedBy != null && blockedBy.state() == State.CONFLICT) {
                throw new ConflictException("outbox.blocked.conflict", guid.toString());
            }
            if (blockedBy != null && blockedBy.id() == id) {
                throw new UnavailableException("error.remote.breakerOpen", client.target().baseUrl().toString(),
                        RemoteSync.NO_ANSWER_LIMIT);
            }
            throw new UnavailableException("outbox.blocked.waiting", guid.toString());
        }
    }

    /** Settles the write just made: keeps, undoes or confirms it, and throws what the caller must hear. */
    private Outcome finish(OutboxEntry e, Outcome o, Job before) {
        UUID guid = e.guid();
        if (o instanceof Done done) {
            settle(e, done);
            if (done.wasGone()) {
                throw new NotFoundException("error.job.notFound", guid.toString());
            }
            return done;
        }
        if (o instanceof Conflict c && OutboxEntry.CONFLICT_EXISTS.equals(c.problem().get(0))) {
            inTransaction(guid, () -> {
                outbox.remove(e.id());
                cache.put(c.theirs());
            });
            throw new AlreadyExistsException("error.job.exists", guid.toString());
        }
        if (o instanceof Conflict c && OutboxEntry.CONFLICT_GONE.equals(c.problem().get(0))) {
            inTransaction(guid, () -> {
                outbox.remove(e.id());
                restore(guid, before);
                if (before != null) {
                    cache.markGone(guid);
                }
            });
            throw new NotFoundException("error.job.notFound", guid.toString());
        }
        if (o instanceof Conflict c) {
            settle(e, c);
            throw new ConflictException(c.problem().get(0), c.problem().subList(1, c.problem().size()).toArray());
        }
        if (o instanceof Refused r) {
            undo(e.id(), guid, before);
            throw r.error();
        }
        NoAnswer n = (NoAnswer) o;
        if (!n.maybeReceived() && !queue) {
            undo(e.id(), guid, before);
            throw n.error();
        }
        settle(e, n);
        if (!queue) {
            throw new UnavailableException(n.error(), "error.remote.unverified", guid.toString());
        }
        return n;
    }

    private void undo(long id, UUID guid, Job before) {
        inTransaction(guid, () -> {
            outbox.remove(id);
            restore(guid, before);
        });
    }

    /** Puts back the cached copy from before a write (or none). */
    private void restore(UUID guid, Job before) {
        if (before == null) {
            cache.remove(guid);
        } else {
            cache.put(before);
        }
    }

    // ---- replay ---------------------------------------------------------------------------------

    /** Sends an entry, noting whether the orchestrator answered. */
    private Outcome deliver(OutboxEntry e) {
        Outcome o = delivery.deliver(e);
        boolean gotAnswer = !(o instanceof NoAnswer);
        answered.accept(gotAnswer);
        if (gotAnswer) {
            breaker.answered();
        } else {
            breaker.noAnswer();
        }
        return o;
    }

    /** Writes down what sending an entry came to, with the cache change it brings, in one transaction. */
    private void settle(OutboxEntry e, Outcome o) {
        inTransaction(e.guid(), () -> settleIn(e, o));
    }

    /**
     * Writes down an outcome inside the caller's transaction. An entry already settled (by another
     * replay, in this process or another) changes nothing: its cache change was made then.
     */
    private void settleIn(OutboxEntry e, Outcome o) {
        UUID guid = e.guid();
        if (o instanceof Done done) {
            if (!outbox.remove(e.id())) {
                return;
            }
            if (e.op() == Op.DELETE) {
                cache.remove(guid);
            } else if (!outbox.has(guid)) { // later writes wait: the cache keeps showing them
                if (done.job() != null) {
                    cache.put(done.job());
                } else if (cache.find(guid).isPresent()) {
                    cache.updateStatus(guid, e.status());
                }
            }
        } else if (o instanceof Conflict c) {
            if (outbox.conflict(e.id(), c.problem(), c.theirStatus())) {
                if (c.theirs() != null) {
                    cache.put(c.theirs());
                } else if (cache.find(guid).isPresent()) {
                    cache.markGone(guid);
                }
            }
        } else if (o instanceof NoAnswer n) {
            outbox.noAnswer(e.id(), n.maybeReceived(), Delivery.problem(n.error()));
        } else if (o instanceof Refused r && r.error() instanceof NotAuthorizedException) {
            outbox.noAnswer(e.id(), false, Delivery.problem(r.error())); // nothing was done: it waits
        } else if (o instanceof Refused r) {
            outbox.conflict(e.id(), Delivery.problem(r.error()), null);
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
        private final ExecutorService committer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jobs-console-sync-writer");
            t.setDaemon(true);
            return t;
        });
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
                            settleIn(es.get(i), os.get(i));
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

    private void inTransaction(UUID guid, Runnable work) {
        cache.inTransaction(work);
        touched.accept(guid);
    }

    /**
     * Sends every job's waiting writes, {@code concurrency} jobs at once, each job's in order; stops
     * after {@link RemoteSync#NO_ANSWER_LIMIT} no-answers in a row, or when not authorized.
     */
    SyncReport sync(int concurrency, RemoteSync.Progress progress, BooleanSupplier cancelled) {
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
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger noAnswerInARow = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean noAnswer = new AtomicBoolean();
        AtomicReference<GatewayException> problem = new AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        int threads = Math.max(1, Math.min(concurrency, jobs.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jobs-console-sync");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        Settler settler = new Settler();
        progress.update(0, jobs.size());
        try {
            for (UUID guid : jobs) {
                futures.add(pool.submit(() -> {
                    try {
                        if (stop.get() || cancelled.getAsBoolean()) {
                            return;
                        }
                        synchronized (lockFor(guid)) {
                            for (OutboxEntry e : byJob.get(guid)) {
                                if (e.state() == State.CONFLICT || stop.get()) {
                                    break;
                                }
                                Outcome o = deliver(e);
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
                                break;
                            }
                        }
                    } finally {
                        progress.update(done.incrementAndGet(), jobs.size());
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop.set(true);
                    break;
                } catch (ExecutionException e) {
                    LOG.warn("sending a job's writes failed", e.getCause());
                    if (e.getCause() instanceof GatewayException g) {
                        problem.compareAndSet(null, g);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            settler.finish();
        }
        if (settler.failure.get() instanceof GatewayException g) {
            problem.compareAndSet(null, g);
        }
        int conflicts = outbox.conflicts();
        return new SyncReport(sent.get(), Math.max(0, conflicts - conflictsBefore), conflicts, outbox.count(),
                noAnswer.get(), problem.get(), cancelled.getAsBoolean());
    }

    // ---- the user's decisions -------------------------------------------------------------------

    void resolve(UUID guid, RemoteSync.Resolution resolution) {
        synchronized (lockFor(guid)) {
            OutboxEntry c = outbox.forJob(guid).stream().filter(e -> e.state() == State.CONFLICT).findFirst()
                    .orElseThrow(() -> new InvalidInputException("outbox.resolve.none", guid.toString()));
            switch (resolution) {
                case MINE -> {
                    if (!c.canApplyMine()) {
                        throw new InvalidInputException("outbox.resolve.mineImpossible", guid.toString());
                    }
                    Integer base = OutboxEntry.CONFLICT_CHANGED.equals(c.problemKey()) ? c.theirStatus() : c.baseStatus();
                    inTransaction(guid, () -> {
                        outbox.rebase(c.id(), base);
                        if (cache.find(guid).isPresent()) {
                            cache.updateStatus(guid, c.status());
                        }
                    });
                }
                case THEIRS -> {
                    inTransaction(guid, () -> outbox.removeJob(guid));
                    readTheirs(guid);
                }
                case DISCARD -> {
                    inTransaction(guid, () -> outbox.remove(c.id()));
                    if (outbox.forJob(guid).isEmpty()) {
                        readTheirs(guid);
                    }
                }
            }
        }
    }

    /** Takes the orchestrator's copy of a job into the cache (or marks it gone); no answer leaves the cache. */
    private void readTheirs(UUID guid) {
        try {
            Job theirs = client.read(guid);
            answered.accept(true);
            inTransaction(guid, () -> cache.put(theirs));
        } catch (NotFoundException e) {
            answered.accept(true);
            inTransaction(guid, () -> {
                if (cache.find(guid).isPresent()) {
                    cache.markGone(guid);
                }
            });
        } catch (UnavailableException e) {
            answered.accept(false);
            LOG.info("could not read {} after a decision ({}); the cache keeps what it had", guid, e.getMessage());
        } catch (GatewayException e) {
            LOG.info("could not read {} after a decision ({})", guid, e.getMessage());
        }
    }
}
