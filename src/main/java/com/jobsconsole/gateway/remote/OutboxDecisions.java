package com.jobsconsole.gateway.remote;

import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.OutboxEntry.State;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.gateway.sqlite.CacheTable;
import com.jobsconsole.gateway.sqlite.OrchestratorCache;
import com.jobsconsole.gateway.sqlite.OutboxTable;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JournalAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * The user's decisions on a conflict in the outbox: apply mine (sent again, from the orchestrator's
 * status now as its base), keep theirs (every waiting write to the job dropped, their copy taken) or
 * discard (this write only). Decided durably; what is decided for is sent by the next replay.
 */
final class OutboxDecisions {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDecisions.class);

    private final OrchestratorCache cache;
    private final OutboxTable outbox;
    private final CacheTable kept;
    private final JobApiClient client;
    private final SendingLock lock;
    private final Consumer<Boolean> answered;
    private final OutboxSync writes;

    /** @param writes the outbox's writes, whose transactions (and notes of the jobs touched) decisions share */
    OutboxDecisions(OrchestratorCache cache, JobApiClient client, Consumer<Boolean> answered, OutboxSync writes) {
        this.cache = cache;
        this.outbox = cache.outbox();
        this.kept = cache.kept();
        this.client = client;
        this.lock = SendingLock.of(cache.path());
        this.answered = answered;
        this.writes = writes;
    }

    void resolve(UUID guid, RemoteSync.Resolution resolution) {
        synchronized (lock.forJob(guid)) {
            OutboxEntry c = outbox.forJob(guid).stream().filter(e -> e.state() == State.CONFLICT).findFirst()
                    .orElseThrow(() -> new InvalidInputException("outbox.resolve.none", guid.toString()));
            switch (resolution) {
                case MINE -> {
                    if (!c.canApplyMine()) {
                        throw new InvalidInputException("outbox.resolve.mineImpossible", guid.toString());
                    }
                    Integer base = OutboxEntry.CONFLICT_CHANGED.equals(c.problemKey()) ? c.theirStatus() : c.baseStatus();
                    // journaled: the orchestrator's status (the new base) is overwritten by mine when it is sent
                    writes.durably(guid, () -> {
                        cache.journal().inTransaction(JobJournal.Mark.of(JournalAction.SYNC_RESOLUTION, "mine"), () -> {
                            outbox.rebase(c.id(), base);
                            outbox.rebaseNext(guid, c.id(), c.status()); // the user's later change follows mine
                            cache.journal().outboxItems().addItem(guid, base, c.status());
                            cache.journal().outboxItems().linkOutbox(c.id());
                            return null;
                        });
                        if (cache.jobs().find(guid).isPresent()) {
                            cache.jobs().updateStatus(guid, c.status()); // the cache's estimate: not a change of its own
                        }
                    });
                }
                case THEIRS -> {
                    writes.durably(guid, () -> {
                        outbox.forJob(guid).forEach(e -> cache.journal().outboxItems()
                                .unmade(e.id(), "journal.unmade.theirs"));
                        outbox.removeJob(guid);
                    });
                    readTheirs(guid);
                }
                case DISCARD -> {
                    writes.durably(guid, () -> {
                        cache.journal().outboxItems().unmade(c.id(), "journal.unmade.discarded");
                        outbox.remove(c.id());
                    });
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
            writes.inTransaction(guid, () -> kept.put(theirs));
        } catch (NotFoundException e) {
            answered.accept(true);
            writes.inTransaction(guid, () -> kept.markGone(guid));
        } catch (UnavailableException e) {
            answered.accept(false);
            LOG.info("could not read {} after a decision ({}); the cache keeps what it had", guid, e.getMessage());
        } catch (GatewayException e) {
            LOG.info("could not read {} after a decision ({})", guid, e.getMessage());
        }
    }
}
