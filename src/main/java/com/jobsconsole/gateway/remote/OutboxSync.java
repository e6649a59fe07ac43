package com.jobsconsole.gateway.remote;

import com.jobsconsole.base.NoAnswerPolicy;
import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.ConflictException;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.OutboxEntry.Op;
import com.jobsconsole.gateway.OutboxEntry.State;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync.SyncReport;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.ReplayBusyException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.gateway.remote.Delivery.Conflict;
import com.jobsconsole.gateway.remote.Delivery.Done;
import com.jobsconsole.gateway.remote.Delivery.NoAnswer;
import com.jobsconsole.gateway.remote.Delivery.Outcome;
import com.jobsconsole.gateway.remote.Delivery.Refused;
import com.jobsconsole.gateway.sqlite.CacheTable;
import com.jobsconsole.gateway.sqlite.OrchestratorCache;
import com.jobsconsole.gateway.sqlite.OutboxTable;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.JobDraft;

import java.util.List;
import java.util.UUID;
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

    private final OrchestratorCache cache;
    private final OutboxTable outbox;
    private final CacheTable kept;
    private final Delivery delivery;
    private final JobApiClient client;
    private final NoAnswerPolicy breaker;
    /** Told whether each call got an answer (the status bar's reachability). */
    private final Consumer<Boolean> answered;
    /** Told of each job whose cached copy this class changed (the gateway's memo of cached jobs). */
    private final Consumer<UUID> touched;
    /** Writes work down later, batched with other cache writes (for what is harmless to lose in a crash). */
    private final CacheWriter later;
    /** Who may send: one process at a time, a job's writes by one thread at a time. */
    private final SendingLock lock;
    /** The replay's marks and outcomes, committed together across jobs. */
    private final GroupCommit commits;
    private volatile boolean queue;
    /** How long a direct write waits for another process's replay before it is queued (or fails). */
    static final long DIRECT_WAIT_MS = 2_000;

    /**
     * @param later runs cache work on the gateway's cache writer (batched; every read of the cache and
     *              every new write waits for it first)
     */
    OutboxSync(OrchestratorCache cache, JobApiClient client, NoAnswerPolicy breaker, Consumer<Boolean> answered,
               Consumer<UUID> touched, CacheWriter later) {
        this.cache = cache;
        this.outbox = cache.outbox();
        this.kept = cache.kept();
        this.client = client;
        this.delivery = new Delivery(client);
        this.breaker = breaker;
        this.answered = answered;
        this.touched = touched;
        this.later = later;
        this.lock = SendingLock.of(cache.path());
        this.commits = new GroupCommit(cache::inTransaction);
    }

    /** The orchestrator's base URL, for messages. */
    Object targetUrl() {
        return client.target().baseUrl();
    }

    void queueWrites(boolean q) {
        queue = q;
    }

    // ---- the user's writes ----------------------------------------------------------------------

    Job create(JobDraft d) {
        Job[] local = new Job[1];
        long id = record(d.guid(), JournalAction.CREATE, null, () -> {
            local[0] = cache.jobs().create(d); // the cache already has this GUID: nothing is recorded
            return outbox.addCreate(d);
        });
        Outcome o = sendNow(d.guid(), id, null);
        if (o instanceof Done done) {
            return done.job() != null ? done.job() : local[0];
        }
        return local[0]; // queued (finish threw otherwise)
    }

    void updateStatus(UUID guid, int status) {
        update(guid, null, status);
    }

    /**
     * {@link #updateStatus} if the cache still shows the job with status {@code from} (checked in the
     * transaction that records the write); false, nothing recorded, when it does not. The write's base is
     * {@code from}, so a job the orchestrator changed meanwhile is a conflict when it is sent, not overwritten.
     */
    boolean updateStatusFrom(UUID guid, int from, int status) {
        return update(guid, from, status);
    }

    /** Records and sends a status update; with an {@code expected} status, only if the cache still shows it. */
    private boolean update(UUID guid, Integer expected, int status) {
        Job[] before = new Job[1]; // what the console last saw: the update's base, read in the same transaction
        long id;
        try {
            id = record(guid, JournalAction.SET_STATUS, Integer.toString(status), () -> {
                before[0] = cache.jobs().find(guid).orElse(null);
                if (expected != null && (before[0] == null || before[0].status() != expected)) {
                    throw new ChangedMeanwhile();
                }
                long entry = outbox.addUpdate(guid, status, before[0] == null ? null : before[0].status());
                if (before[0] != null) {
                    cache.jobs().updateStatus(guid, status);
                } else {
                    cache.journal().outboxItems().addUnknownBefore(guid, status); // journaled all the same
                }
                return entry;
            });
        } catch (ChangedMeanwhile e) {
            return false;
        }
        sendNow(guid, id, before[0]);
        return true;
    }

    /** Thrown inside a recording transaction to leave it without a write: the job is not as expected. */
    private static final class ChangedMeanwhile extends RuntimeException {
        ChangedMeanwhile() {
            super(null, null, false, false);
        }
    }

    void delete(UUID guid) {
        Job[] before = new Job[1];
        long id = record(guid, JournalAction.DELETE, null, () -> {
            before[0] = cache.jobs().find(guid).orElse(null);
            long entry = outbox.addDelete(guid);
            if (before[0] == null) {
                // journaled all the same (what it was is not known here)
                cache.journal().outboxItems().addUnknownDelete(guid);
            }
            kept.remove(guid);
            return entry;
        });
        sendNow(guid, id, before[0]);
    }

    /**
     * Records a write with the cache change it expects, in one transaction, marked as being sent when
     * it is the job's first (a process killed from here on leaves it unverified, to be settled by
     * reading the job); behind earlier writes it waits, and is marked when its turn comes. Whatever
     * keeps it in the outbox afterwards is committed durably before the caller hears "queued".
     */
    private long record(UUID guid, JournalAction action, String detail, Supplier<Long> work) {
        long[] id = new long[1];
        // journaled with the cache change: the thread's open entry (a bulk action, an undo) or one of its own
        cache.journal().inTransaction(JobJournal.Mark.of(action, detail), () -> {
            id[0] = work.get();
            cache.journal().outboxItems().linkOutbox(id[0]);
            outbox.claim(id[0], guid);
            return null;
        });
        touched.accept(guid);
        return id[0];
    }

    /**
     * Sends the job's waiting writes in order up to the one just recorded ({@code id}) and settles it:
     * returns its outcome when it was sent or kept; throws what the caller must hear otherwise. Each
     * earlier write is marked as being sent before it goes out and settled before the next one is.
     */
    private Outcome sendNow(UUID guid, long id, Job before) {
        SendingLock.Held held;
        try {
            held = lock.send(DIRECT_WAIT_MS);
        } catch (ReplayBusyException busy) {
            // another process is sending this cache's writes: this one waits its turn (or is not made)
            if (queue) {
                cache.inDurableTransaction(() -> outbox.notSent(id, Delivery.problem(busy)));
                touched.accept(guid);
                return null;
            }
            undo(id, guid, before, "journal.unmade.busy");
            throw busy;
        }
        try (held) {
            synchronized (lock.forJob(guid)) {
                return sendInOrder(guid, id, before);
            }
        }
    }

    private Outcome sendInOrder(UUID guid, long id, Job before) {
        OutboxEntry blockedBy = null;
        while (true) {
            OutboxEntry e = outbox.first(guid).orElseThrow(); // at the latest, the write just recorded
            if (e.state() == State.CONFLICT || !breaker.allows()) {
                blockedBy = e;
                break;
            }
            boolean wasPending = e.state() == State.PENDING;
            if (wasPending && !claim(e)) {
                blockedBy = e;
                break;
            }
            Outcome o = deliver(e);
            if (e.id() == id) {
                return finish(e, o, before);
            }
            settle(e, o, wasPending, false);
            if (!(o instanceof Done)) {
                blockedBy = e;
                break;
            }
        }
        if (queue) {
            // kept, behind the job's earlier writes (or the open breaker): waiting, durably
            List<String> why = blockedBy.id() == id
                    ? Delivery.problem("outbox.waiting.breaker", client.target().baseUrl(), RemoteSync.NO_ANSWER_LIMIT)
                    : Delivery.problem("outbox.waiting.behind", guid);
            cache.inDurableTransaction(() -> outbox.notSent(id, why));
            touched.accept(guid);
            return null;
        }
        undo(id, guid, before, "journal.unmade.blocked");
        if (blockedBy.state() == State.CONFLICT) {
            throw new ConflictException("outbox.blocked.conflict", guid.toString());
        }
        if (blockedBy.id() == id) {
            throw new UnavailableException("error.remote.breakerOpen", client.target().baseUrl().toString(),
                    RemoteSync.NO_ANSWER_LIMIT);
        }
        throw new UnavailableException("outbox.blocked.waiting", guid.toString());
    }

    /** Marks a waiting entry as being sent, committed before it goes out; says whether it was marked. */
    private boolean claim(OutboxEntry e) {
        boolean[] claimed = new boolean[1];
        cache.inTransaction(() -> claimed[0] = outbox.claim(e.id(), e.guid()));
        return claimed[0];
    }

    /** Settles the write just made: keeps, undoes or confirms it, and throws what the caller must hear. */
    private Outcome finish(OutboxEntry e, Outcome o, Job before) {
        UUID guid = e.guid();
        if (o instanceof Done done) {
            // written down behind the call, batched: if the process dies first, the entry is still
            // there, unverified, and the next replay finds the orchestrator has it (409, 404, or the
            // status already set) — done, once
            later.submit(() -> {
                settleIn(e, done, true);
                touched.accept(guid);
            });
            if (done.wasGone()) {
                throw new NotFoundException("error.job.notFound", guid.toString());
            }
            return done;
        }
        if (o instanceof Conflict c && OutboxEntry.CONFLICT_EXISTS.equals(c.problem().get(0))) {
            inTransaction(guid, () -> {
                outbox.remove(e.id());
                cache.journal().outboxItems().unmade(e.id(), "journal.unmade.exists");
                kept.put(c.theirs());
            });
            throw new AlreadyExistsException("error.job.exists", guid.toString());
        }
        if (o instanceof Conflict c && OutboxEntry.CONFLICT_GONE.equals(c.problem().get(0))) {
            inTransaction(guid, () -> {
                outbox.remove(e.id());
                cache.journal().outboxItems().unmade(e.id(), "journal.unmade.gone");
                restore(guid, before);
                kept.markGone(guid);
            });
            throw new NotFoundException("error.job.notFound", guid.toString());
        }
        if (o instanceof Conflict c) {
            settle(e, c, true, true); // waits for the user's decision: durably
            throw new ConflictException(c.problem().get(0), c.problem().subList(1, c.problem().size()).toArray());
        }
        if (o instanceof Refused r) {
            undo(e.id(), guid, before, "journal.unmade.refused");
            throw r.error();
        }
        NoAnswer n = (NoAnswer) o;
        if (!n.maybeReceived() && !queue) {
            undo(e.id(), guid, before, "journal.unmade.noAnswer");
            throw n.error();
        }
        settle(e, n, true, true); // kept (queued or unverified): durably, before the caller hears it
        if (!queue) {
            throw new UnavailableException(n.error(), "error.remote.unverified", guid.toString());
        }
        return n;
    }

    /** Takes back a write that was not made: out of the outbox, the cache as before, its journal item unmade. */
    private void undo(long id, UUID guid, Job before, String why) {
        inTransaction(guid, () -> {
            outbox.remove(id);
            cache.journal().outboxItems().unmade(id, why);
            restore(guid, before);
        });
    }

    /** Sets a kept job's status here (the cache's estimate of the times); a job not kept is left alone. */
    private void setKeptStatus(UUID guid, int status) {
        if (cache.jobs().find(guid).isPresent()) {
            cache.jobs().updateStatus(guid, status);
        }
    }

    /** Puts back the cached copy from before a write (or none). */
    private void restore(UUID guid, Job before) {
        if (before == null) {
            kept.remove(guid);
        } else {
            kept.put(before);
        }
    }

    // ---- sending and writing down ------------------------------------------------------------------

    /** Sends an entry, noting whether the orchestrator answered. */
    Outcome deliver(OutboxEntry e) {
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
    private void settle(OutboxEntry e, Outcome o, boolean marked, boolean durable) {
        if (durable) {
            durably(e.guid(), () -> settleIn(e, o, marked));
        } else {
            inTransaction(e.guid(), () -> settleIn(e, o, marked));
        }
    }

    /**
     * Writes down an outcome inside the caller's transaction. An entry already settled (by another
     * replay, in this process or another) changes nothing: its cache change was made then.
     */
    void settleIn(OutboxEntry e, Outcome o) {
        settleIn(e, o, false);
    }

    /** {@code marked}: the entry was marked as being sent ({@link OutboxTable#claim}) from waiting for this try. */
    void settleIn(OutboxEntry e, Outcome o, boolean marked) {
        settleIn(e, o, marked, Runnable::run);
    }

    /**
     * As above; a done write's cached copy (the orchestrator's times) is handed to {@code cacheCopy}
     * (a replay: the batched cache writer — harmless to lose: the cache already shows the status, and
     * the next refresh reads the times).
     */
    void settleIn(OutboxEntry e, Outcome o, boolean marked, Consumer<Runnable> cacheCopy) {
        UUID guid = e.guid();
        if (o instanceof Done done) {
            if (!outbox.remove(e.id())) {
                return;
            }
            // a delete's record took the job out of the cache already; a job's later writes keep
            // showing theirs; only the job's last write brings the orchestrator's copy
            if (e.op() != Op.DELETE && !outbox.has(guid)) {
                cacheCopy.accept(() -> {
                    if (!outbox.has(guid)) { // nothing recorded since
                        if (done.job() != null) {
                            kept.put(done.job());
                        } else {
                            setKeptStatus(guid, e.status());
                        }
                        touched.accept(guid);
                    }
                });
            }
        } else if (o instanceof Conflict c) {
            if (outbox.conflict(e.id(), c.problem(), c.theirStatus())) {
                if (c.theirs() != null) {
                    kept.put(c.theirs());
                } else {
                    kept.markGone(guid);
                }
            }
        } else if (o instanceof NoAnswer n) {
            outbox.noAnswer(e.id(), n.maybeReceived(), Delivery.problem(n.error()), marked);
        } else if (o instanceof Refused r && r.error() instanceof NotAuthorizedException) {
            outbox.noAnswer(e.id(), false, Delivery.problem(r.error()), marked); // nothing was done: it waits
        } else if (o instanceof Refused r) {
            outbox.conflict(e.id(), Delivery.problem(r.error()), null);
        }
    }

    /** For what the user was told is kept (a queued write, a conflict, a decision): survives a power cut. */
    void durably(UUID guid, Runnable work) {
        cache.inDurableTransaction(work);
        touched.accept(guid);
    }

    void inTransaction(UUID guid, Runnable work) {
        cache.inTransaction(work);
        touched.accept(guid);
    }

    /** Replays the outbox (see {@link OutboxReplay}). */
    SyncReport sync(int concurrency, RemoteSync.Progress progress, BooleanSupplier cancelled) {
        return new OutboxReplay(this, outbox, lock, commits, touched, later, breaker).run(concurrency, progress,
                cancelled);
    }
}
