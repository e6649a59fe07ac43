package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.model.Job;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A store kept as a cache of an orchestrator's jobs: a job put as the orchestrator knows it (times
 * filled in when it leaves them out), when each was last seen, jobs the orchestrator no longer has
 * (marked gone until cleared), and jobs removed. Every method runs in the cache's
 * {@link SqliteSession}, so it joins the caller's transaction; the statements are prepared once.
 */
public final class CacheTable {

    /**
     * Inserts a job or updates the stored row in place (not INSERT OR REPLACE: its hidden delete would
     * pass the delete triggers by, and the kept counts and the change feed with them).
     */
    private static final String UPSERT = JobRowMapper.INSERT + " ON CONFLICT(guid) DO UPDATE SET "
            + Arrays.stream(JobRowMapper.COLUMNS.split(",\\s*")).filter(c -> !c.equals("guid"))
                    .map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
    private static final String MARK_SEEN = "INSERT INTO job_seen(guid, seen_at) VALUES (?, ?) "
            + "ON CONFLICT(guid) DO UPDATE SET seen_at = excluded.seen_at, gone_at = NULL";
    private static final String MARK_GONE = "INSERT INTO job_seen(guid, seen_at, gone_at) SELECT ?1, ?2, ?2 "
            + "WHERE EXISTS (SELECT 1 FROM job WHERE guid = ?1) ON CONFLICT(guid) DO UPDATE SET gone_at = excluded.gone_at";
    private static final String SEEN_AT = "SELECT seen_at FROM job_seen WHERE guid = ?";
    private static final String FORGET_SEEN = "DELETE FROM job_seen WHERE guid = ?";
    private static final String GONE = "SELECT guid FROM job_seen WHERE gone_at IS NOT NULL";
    private static final String GUIDS = "SELECT guid FROM job ORDER BY id";

    private final SqliteSession session;
    private final SqliteJobGateway store;

    CacheTable(SqliteSession session, SqliteJobGateway store) {
        this.session = session;
        this.store = store;
    }

    /**
     * Stores a job exactly as the orchestrator knows it (times included): inserts it, or replaces the
     * stored copy with the same GUID, and notes it was seen now. An orchestrator may leave out
     * {@code created_at}/{@code updated_at}; then the stored copy's times (or now) stand in for them.
     */
    public void put(Job job) {
        session.call("put", c -> {
            Job known = store.find(job.guid()).orElse(null);
            LocalDateTime now = session.now();
            Job toStore = job;
            if (job.createdAt() == null || job.updatedAt() == null) {
                LocalDateTime created = job.createdAt() != null ? job.createdAt() : known != null ? known.createdAt() : now;
                LocalDateTime updated = job.updatedAt() != null ? job.updatedAt() : known != null ? known.updatedAt() : created;
                toStore = new Job(job.guid(), job.status(), job.type(), job.source(), job.processVersionId(),
                        job.robotId(), job.accountId(), job.scheduleId(), job.taskId(), job.stopAfter(),
                        job.abortAfter(), created, updated, job.startedAt(), job.completedAt());
            }
            if (!toStore.equals(known)) { // nothing changed: only when it was seen is written
                PreparedStatement upsert = session.statement(UPSERT);
                JobRowMapper.bind(upsert, toStore);
                upsert.executeUpdate();
            }
            PreparedStatement markSeen = session.statement(MARK_SEEN);
            markSeen.setString(1, job.guid().toString());
            markSeen.setString(2, now.toString());
            markSeen.executeUpdate();
            return null;
        });
    }

    /** When {@link #put} last stored this job (when the orchestrator last showed it). */
    public Optional<LocalDateTime> seenAt(UUID guid) {
        return session.call("seen", c -> {
            PreparedStatement seenAt = session.statement(SEEN_AT);
            seenAt.setString(1, guid.toString());
            try (ResultSet rs = seenAt.executeQuery()) {
                return rs.next() ? Optional.of(LocalDateTime.parse(rs.getString(1))) : Optional.empty();
            }
        });
    }

    /** Removes the job and its seen time; says whether the job was stored. */
    public boolean remove(UUID guid) {
        return session.call("remove", c -> {
            PreparedStatement forgetSeen = session.statement(FORGET_SEEN);
            forgetSeen.setString(1, guid.toString());
            forgetSeen.executeUpdate();
            PreparedStatement delete = session.statement(SqliteJobGateway.DELETE);
            delete.setString(1, guid.toString());
            return delete.executeUpdate() > 0;
        });
    }

    /**
     * Marks a job the orchestrator said it no longer has: kept and shown as gone until cleared; a later
     * {@link #put} of it clears the mark. A job not stored is left alone.
     */
    public void markGone(UUID guid) {
        session.call("gone", c -> {
            PreparedStatement markGone = session.statement(MARK_GONE);
            markGone.setString(1, guid.toString());
            markGone.setString(2, session.now().toString());
            markGone.executeUpdate();
            return null;
        });
    }

    /** The jobs marked gone. */
    public List<UUID> goneJobs() {
        return guids(GONE, "gone");
    }

    /** Every stored GUID, oldest first (a refresh reads them one by one). */
    public List<UUID> allGuids() {
        return guids(GUIDS, "list");
    }

    private List<UUID> guids(String sql, String operation) {
        return session.call(operation, c -> {
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = session.statement(sql).executeQuery()) {
                while (rs.next()) {
                    out.add(UUID.fromString(rs.getString(1)));
                }
            }
            return out;
        });
    }
}
