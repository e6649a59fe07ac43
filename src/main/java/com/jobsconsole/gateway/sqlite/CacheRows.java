package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.model.Job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * How a store kept as a cache of an orchestrator's jobs is written: a job put as the orchestrator
 * knows it (times filled in when it leaves them out), when it was last seen, and a job removed.
 * The gateway calls these under its lock, on its connection; the statements are prepared once.
 */
final class CacheRows implements AutoCloseable {

    private final PreparedStatement upsert;
    private final PreparedStatement delete;
    private final PreparedStatement markSeen;
    private final PreparedStatement seenAt;
    private final PreparedStatement forgetSeen;
    private final PreparedStatement markGone;

    CacheRows(Connection connection) throws SQLException {
        upsert = connection.prepareStatement(JobRowMapper.INSERT.replace("INSERT INTO", "INSERT OR REPLACE INTO"));
        delete = connection.prepareStatement(SqliteJobGateway.DELETE);
        markSeen = connection.prepareStatement("INSERT INTO job_seen(guid, seen_at) VALUES (?, ?) "
                + "ON CONFLICT(guid) DO UPDATE SET seen_at = excluded.seen_at, gone_at = NULL");
        markGone = connection.prepareStatement("INSERT INTO job_seen(guid, seen_at, gone_at) SELECT ?1, ?2, ?2 "
                + "WHERE EXISTS (SELECT 1 FROM job WHERE guid = ?1) ON CONFLICT(guid) DO UPDATE SET gone_at = excluded.gone_at");
        seenAt = connection.prepareStatement("SELECT seen_at FROM job_seen WHERE guid = ?");
        forgetSeen = connection.prepareStatement("DELETE FROM job_seen WHERE guid = ?");
    }

    /**
     * Stores {@code job} over {@code known} (the stored copy, or null) unless nothing changed, and notes
     * it was seen {@code now}. Missing {@code created_at}/{@code updated_at} are the stored copy's, or now.
     */
    void put(Job job, Job known, LocalDateTime now) throws SQLException {
        Job toStore = job;
        if (job.createdAt() == null || job.updatedAt() == null) {
            LocalDateTime created = job.createdAt() != null ? job.createdAt() : known != null ? known.createdAt() : now;
            LocalDateTime updated = job.updatedAt() != null ? job.updatedAt() : known != null ? known.updatedAt() : created;
            toStore = new Job(job.guid(), job.status(), job.type(), job.source(), job.processVersionId(), job.robotId(),
                    job.accountId(), job.scheduleId(), job.taskId(), job.stopAfter(), job.abortAfter(), created, updated,
                    job.startedAt(), job.completedAt());
        }
        if (!toStore.equals(known)) { // nothing changed: only when it was seen is written
            JobRowMapper.bind(upsert, toStore);
            upsert.executeUpdate();
        }
        markSeen.setString(1, job.guid().toString());
        markSeen.setString(2, now.toString());
        markSeen.executeUpdate();
    }

    Optional<LocalDateTime> seenAt(UUID guid) throws SQLException {
        seenAt.setString(1, guid.toString());
        try (ResultSet rs = seenAt.executeQuery()) {
            return rs.next() ? Optional.of(LocalDateTime.parse(rs.getString(1))) : Optional.empty();
        }
    }

    /** Marks a kept job as one the orchestrator no longer has (a job not kept is left alone). */
    void markGone(UUID guid, LocalDateTime now) throws SQLException {
        markGone.setString(1, guid.toString());
        markGone.setString(2, now.toString());
        markGone.executeUpdate();
    }

    /** Removes the job and its seen time; says whether the job was stored. */
    boolean remove(UUID guid) throws SQLException {
        forgetSeen.setString(1, guid.toString());
        forgetSeen.executeUpdate();
        delete.setString(1, guid.toString());
        return delete.executeUpdate() > 0;
    }

    @Override
    public void close() throws SQLException {
        upsert.close();
        delete.close();
        markSeen.close();
        seenAt.close();
        forgetSeen.close();
        markGone.close();
    }
}
