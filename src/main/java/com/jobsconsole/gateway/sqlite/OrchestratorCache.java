package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.ReferenceData;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A remote orchestrator's cache file: the jobs as the orchestrator last showed them ({@link #jobs},
 * read like a local store), their seen and gone marks ({@link #kept}) and the writes waiting to be
 * sent ({@link #outbox}) — tables of one {@link SqliteSession}, so a write and the cache change it
 * expects commit together ({@link #inTransaction}). Committed like a cache ({@link Durability#CACHE}),
 * but for {@link #inDurableTransaction}.
 */
public final class OrchestratorCache implements AutoCloseable {

    private final SqliteSession session;
    private final SqliteJobGateway jobs;
    private final CacheTable kept;
    private final OutboxTable outbox;

    private OrchestratorCache(SqliteSession session, ReferenceData reference) {
        this.session = session;
        this.jobs = new SqliteJobGateway(session, reference, false);
        this.kept = new CacheTable(session, jobs);
        this.outbox = new OutboxTable(session);
    }

    /** Opens (creating if needed) the cache file at {@code path}. */
    public static OrchestratorCache open(Path path, ReferenceData reference) {
        return new OrchestratorCache(SqliteSession.open(path, reference, Clock.systemDefaultZone(), Durability.CACHE),
                reference);
    }

    public Path path() {
        return session.path();
    }

    /** The cached jobs, for lists, counts and the cache's own job changes. */
    public SqliteJobGateway jobs() {
        return jobs;
    }

    /**
     * A cached job's status history: the console's own changes say which program made them, every
     * other change the cache learnt by reading the orchestrator.
     */
    public List<JobEvent> history(UUID guid) {
        return jobs.history(guid, ChangeOrigin.ORCHESTRATOR);
    }

    /** The journal of the console's changes to this orchestrator, kept beside its outbox. */
    public SqliteJournal journal() {
        return (SqliteJournal) jobs.capability(JobJournal.class).orElseThrow();
    }

    /** The cached jobs as the orchestrator knows them: put, seen, gone, removed. */
    public CacheTable kept() {
        return kept;
    }

    /** The writes waiting to be sent. */
    public OutboxTable outbox() {
        return outbox;
    }

    /** Runs {@code work} on the cache's tables as one transaction. */
    public void inTransaction(Runnable work) {
        session.inTransaction(work);
    }

    /** As {@link #inTransaction}, surviving a power cut: for what the user was told is kept. */
    public void inDurableTransaction(Runnable work) {
        session.inDurableTransaction(work);
    }

    /** Removes the jobs marked gone that have no write waiting; says how many. */
    public int clearGone() {
        int[] n = {0};
        session.inTransaction(() -> {
            for (UUID g : kept.goneJobs()) {
                if (!outbox.has(g) && kept.remove(g)) {
                    n[0]++;
                }
            }
        });
        return n[0];
    }

    @Override
    public void close() {
        session.close();
    }
}
