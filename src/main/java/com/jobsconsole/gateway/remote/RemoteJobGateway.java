package com.jobsconsole.gateway.remote;

import com.jobsconsole.base.NoAnswerPolicy;
import com.jobsconsole.gateway.ChangeFeed;
import com.jobsconsole.gateway.DirectoryRefresh;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.HttpExchanges;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobAttention;
import com.jobsconsole.gateway.JobDurations;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.JobRules;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.gateway.ReplayBusyException;
import com.jobsconsole.gateway.StaleCopyException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.gateway.sqlite.OrchestratorCache;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.Page;
import com.jobsconsole.model.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The orchestrator's Job API, local-first. Reads go to the orchestrator (through {@link JobApiClient})
 * and what it answers is kept in a local SQLite cache; lists and counts come from the cache, since the
 * API has no list method. Writes go through the cache's durable outbox ({@link OutboxSync}): recorded
 * with the cache change they expect, then sent, and sent again until the orchestrator confirms them.
 */
public final class RemoteJobGateway implements JobGateway, RemoteSync, HttpExchanges, DirectoryRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteJobGateway.class);

    /** The most unfinished jobs a Live round reads (the newest first). */
    static final int MAX_LIVE_JOBS = 2_000;

    private final JobApiClient client;
    private final OrchestratorCache cache;
    private final ReferenceData reference;
    private final AtomicReference<Reachability> reachability = new AtomicReference<>(Reachability.UNKNOWN);
    /** The last version of each recently cached job, so re-reading an unchanged job costs no SQLite work. */
    private final Map<UUID, Job> recentlyCached = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Job> eldest) {
                    return size() > 10_000;
                }
            });

    private final CacheWriter writer;
    /** Whether the orchestrator answers: one policy for direct writes, refreshes, Live rounds and replays. */
    private final NoAnswerPolicy breaker = NoAnswerPolicy.breaker(System::nanoTime);
    private final OutboxSync outbox;
    private final OutboxDecisions decisions;

    public RemoteJobGateway(JobApiClient client, OrchestratorCache cache, ReferenceData reference) {
        this.client = client;
        this.cache = cache;
        this.reference = reference;
        this.writer = new CacheWriter(cache::inTransaction, recentlyCached::clear);
        this.outbox = new OutboxSync(cache, client, breaker, this::noteAnswered,
                recentlyCached::remove, writer);
        this.decisions = new OutboxDecisions(cache, client, this::noteAnswered, outbox);
        cache.journal().describeTarget(client.target().baseUrl().toString());
    }

    /** Whether the orchestrator answered the last call, for the status bar. */
    private void noteAnswered(boolean answered) {
        reachability.set(answered ? Reachability.ANSWERED : Reachability.NO_ANSWER);
    }

    /** Opens the cache file (created if needed) for a target. */
    public static RemoteJobGateway open(RemoteTarget target, Path cacheFile, ReferenceData reference) {
        OrchestratorCache cache = OrchestratorCache.open(cacheFile, reference);
        try {
            return new RemoteJobGateway(new JobApiClient(target, reference), cache, reference);
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
    }

    /** How this process names itself to another finding it sending a cache's writes ("job sync"). */
    public static void describeProcess(String what) {
        SendingLock.describeProcess(what);
    }

    @Override
    public <T> Captured<T> capture(Callable<T> work) {
        return client.exchanges().capture(work);
    }

    public RemoteTarget remoteTarget() {
        return client.target();
    }

    @Override
    public Reachability reachability() {
        return reachability.get();
    }

    /** The local cache (read-only use: lists and counts), with every submitted write stored. */
    public OrchestratorCache cache() {
        writer.flush();
        return cache;
    }

    private <T> T remote(Supplier<T> call) {
        try {
            T result = call.get();
            reachability.set(Reachability.ANSWERED);
            breaker.answered();
            return result;
        } catch (UnavailableException e) {
            // A 5xx is an answer too, but not a useful one: the status bar says "no answer".
            reachability.set(Reachability.NO_ANSWER);
            breaker.noAnswer();
            throw e;
        } catch (GatewayException e) {
            reachability.set(Reachability.ANSWERED);
            breaker.answered();
            throw e;
        }
    }

    @Override
    public Job create(JobDraft draft) {
        JobRules.check(draft, reference);
        writer.flush();
        return outbox.create(draft);
    }

    @Override
    public Job read(UUID guid) {
        Job job;
        try {
            job = remote(() -> client.read(guid));
        } catch (NotFoundException e) {
            cacheGone(guid);
            throw e;
        } catch (UnavailableException e) {
            // no answer: the copy kept here, marked stale with when the orchestrator last showed it
            OrchestratorCache store = cache();
            Optional<Job> cached = store.jobs().find(guid);
            if (cached.isPresent()) {
                throw new StaleCopyException(e, cached.get(), store.kept().seenAt(guid).orElse(null));
            }
            throw e;
        }
        cachePut(job);
        return job;
    }

    @Override
    public void updateStatus(UUID guid, int status) {
        JobRules.checkStatus(status, reference);
        writer.flush();
        outbox.updateStatus(guid, status);
    }

    @Override
    public boolean updateStatusFrom(UUID guid, int from, int status) {
        JobRules.checkStatus(status, reference);
        writer.flush();
        return outbox.updateStatusFrom(guid, from, status);
    }

    @Override
    public void delete(UUID guid) {
        writer.flush();
        outbox.delete(guid);
    }

    @Override
    public Page<Job> query(JobQuery query) {
        return cache().jobs().query(query);
    }

    @Override
    public List<Job> page(JobQuery query) {
        return cache().jobs().page(query);
    }

    @Override
    public Map<Integer, Long> countByStatus(JobQuery filter) {
        return cache().jobs().countByStatus(filter);
    }

    @Override
    public Map<String, Long> countByCreated(JobQuery filter, boolean hourly) {
        return cache().jobs().countByCreated(filter, hourly);
    }

    @Override
    public List<JobEvent> history(UUID guid) {
        return cache().jobs().find(guid).isPresent() ? cache().history(guid) : List.of();
    }

    @Override
    public List<Job> ranBetween(JobQuery filter, LocalDateTime from, LocalDateTime to, int limit) {
        return cache().jobs().ranBetween(filter, from, to, limit);
    }

    @Override
    public Map<Long, long[]> startsPerRobot(JobQuery filter, LocalDateTime from, LocalDateTime to, int buckets) {
        return cache().jobs().startsPerRobot(filter, from, to, buckets);
    }

    @Override
    public Map<Integer, Long> countByType() {
        return cache().jobs().countByType();
    }

    /** Beyond what this class is, what its cache file does: change feed, directory, durations, attention, journal. */
    @Override
    public <T> Optional<T> capability(Class<T> kind) {
        return List.of(JobDirectory.class, ChangeFeed.class, JobDurations.class, JobAttention.class, JobJournal.class)
                .contains(kind)
                ? cache().jobs().capability(kind) : JobGateway.super.capability(kind);
    }

    @Override
    public Report refreshDirectory() {
        List<RobotAnswers.Robot> robots = remote(client::readRobots);
        List<DirectoryEntry> named = robots.stream().filter(r -> r.id() != null && r.name() != null)
                .map(r -> new DirectoryEntry(DirectoryKind.ROBOT, r.id(), r.name(), r.machine(), r.guid(), null))
                .toList();
        cache().jobs().capability(JobDirectory.class).orElseThrow().put(named);
        return new Report(named.size(), robots.size() - named.size());
    }

    /** Keeps the orchestrator's copy, unless a write of ours to the job waits (then the cache shows ours). */
    private void cachePut(Job job) {
        if (job.equals(recentlyCached.get(job.guid()))) {
            return;
        }
        recentlyCached.put(job.guid(), job);
        writer.submit(() -> {
            if (cache.outbox().sending(job.guid())) {
                recentlyCached.remove(job.guid());
            } else {
                cache.kept().put(job);
            }
        });
    }

    /** The orchestrator has no such job: a kept copy is marked gone (removed when the user clears gone jobs). */
    private void cacheGone(UUID guid) {
        recentlyCached.remove(guid);
        writer.submit(() -> {
            if (!cache.outbox().sending(guid)) {
                cache.kept().markGone(guid);
            }
        });
    }

    /** Sends the waiting writes first (so unverified ones are settled), then re-reads every kept job. */
    @Override
    public RefreshReport refresh(int concurrency, Progress progress, BooleanSupplier cancelled) {
        if (waiting() > 0) {
            try {
                outbox.sync(concurrency, (d, n) -> { }, cancelled);
            } catch (ReplayBusyException busy) {
                // another replay sends them; the jobs with a write waiting keep their cached change
                LOG.info("refresh: {}", busy.getMessage());
            }
        }
        return refresh(cache().kept().allGuids(), concurrency, progress, cancelled);
    }

    @Override
    public void queueWrites(boolean queue) {
        outbox.queueWrites(queue);
    }

    @Override
    public List<OutboxEntry> outbox() {
        return cache().outbox().all();
    }

    @Override
    public int waiting() {
        return cache().outbox().count();
    }

    @Override
    public Map<UUID, JobSyncState> syncStates() {
        OrchestratorCache store = cache();
        Map<UUID, JobSyncState> states = new LinkedHashMap<>();
        store.kept().goneJobs().forEach(g -> states.put(g, JobSyncState.GONE));
        states.putAll(store.outbox().states());
        return states;
    }

    @Override
    public SyncReport sync(int concurrency, Progress progress, BooleanSupplier cancelled) {
        writer.flush();
        return outbox.sync(concurrency, progress, cancelled); // the replay flushes its own batched writes
    }

    @Override
    public void resolve(UUID guid, Resolution resolution) {
        writer.flush();
        decisions.resolve(guid, resolution);
    }

    @Override
    public int clearGone() {
        int n = cache().clearGone();
        recentlyCached.clear();
        return n;
    }

    @Override
    public RefreshReport refreshUnfinished(int concurrency, BooleanSupplier cancelled) {
        Set<Integer> open = reference.statuses().stream().filter(s -> !s.isFinal()).map(JobStatus::code)
                .collect(Collectors.toSet());
        JobQuery unfinished = new JobQuery(open, Set.of(), Set.of(), null, JobSort.CREATED_AT, false,
                MAX_LIVE_JOBS, 0);
        List<UUID> guids = cache().jobs().page(unfinished).stream().map(Job::guid).toList();
        return refresh(guids, concurrency, (d, n) -> { }, cancelled);
    }

    private RefreshReport refresh(List<UUID> guids, int concurrency, Progress progress, BooleanSupplier cancelled) {
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger refreshed = new AtomicInteger();
        AtomicInteger gone = new AtomicInteger();
        Map<UUID, GatewayException> failed = Collections.synchronizedMap(new LinkedHashMap<>());
        // the target's breaker: after NO_ANSWER_LIMIT calls in a row without an answer, no more calls
        // (but one try through once its cool-down has passed)
        BooleanSupplier stopCalling = () -> breaker.isOpen() && !breaker.allows();
        boolean probe = breaker.isOpen();
        breaker.letOneThrough(); // a refresh probes at once, with one job; Live's rounds and the user are its back-off
        AtomicBoolean stopped = new AtomicBoolean();
        boolean finished = BoundedRun.forEach("jobs-console-refresh", guids, concurrency,
                () -> stopped.get() || cancelled.getAsBoolean(), g -> {
                    if (cancelled.getAsBoolean() || stopped.get() || stopCalling.getAsBoolean() && stopped.compareAndSet(false, true)) {
                        return; // started just before the breaker opened or Cancel: not asked
                    }
                    asked.incrementAndGet();
                    try {
                        read(g);
                        refreshed.incrementAndGet();
                    } catch (NotFoundException e) {
                        gone.incrementAndGet();
                    } catch (UnavailableException e) {
                        // why the orchestrator gave no answer (a stale copy of a read says it in its cause)
                        failed.put(g, e instanceof StaleCopyException stale ? (GatewayException) stale.getCause() : e);
                        if (breaker.isOpen()) {
                            stopped.set(true);
                        }
                    } catch (GatewayException e) {
                        failed.put(g, e);
                    }
                }, progress, probe);
        int skipped = 0;
        if (stopped.get()) {
            skipped = guids.size() - asked.get();
            progress.update(guids.size(), guids.size());
        }
        writer.flush(); // the copies read are in the cache (and its change feed) when the report comes back
        return new RefreshReport(guids.size(), refreshed.get(), gone.get(), failed,
                !finished || cancelled.getAsBoolean(), skipped);
    }

    @Override
    public String target() {
        return client.target().baseUrl().toString();
    }

    @Override
    public void close() {
        writer.stop();
        cache.close();
    }

    @Override
    public String toString() {
        return "RemoteJobGateway[" + client.target() + "]";
    }
}
