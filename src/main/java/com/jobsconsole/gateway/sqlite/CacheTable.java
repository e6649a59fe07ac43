package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.model.Job;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A store kept as a cache of an orchestrator's jobs: a job put as the orchestrator knows it (times
 * filled in when it leaves them out), when each was last seen, jobs the orchestrator no longer has
 * (marked gone until cleared), and jobs removed. Every method holds the store's lock and works on its
 * connection, so it joins the caller's {@link SqliteJobGateway#inTransaction}; the statements are
 * prepared once.
 */
public final class CacheTable implements AutoCloseable {

    private final SqliteJobGateway store;
    private final PreparedStatement upsert;
    private final PreparedStatement delete;
    private final PreparedStatement markSeen;
    private final PreparedStatement seenAt;
    private final PreparedStatement forgetSeen;
    private final PreparedStatement markGone;
    private final PreparedStatement gone;
    private final PreparedStatement guids;

    CacheTable(SqliteJobGateway store) throws SQLException {
        this.store = store;
        var connection = store.connection();
        upsert = connection.prepareStatement(JobRowMapper.INSERT.replace("INSERT INTO", "INSERT OR REPLACE INTO"));
        delete = connection.prepareStatement(SqliteJobGateway.DELETE);
        markSeen = connection.prepareStatement("INSERT INTO job_seen(guid, seen_at) VALUES (?, ?) "
                + "ON CONFLICT(guid) DO UPDATE SET seen_at = excluded.seen_at, gone_at = NULL");
        markGone = connection.prepareStatement("INSERT INTO job_seen(guid, seen_at, gone_at) SELECT ?1, ?2, ?2 "
                + "WHERE EXISTS (SELECT 1 FROM job WHERE guid = ?1) ON CONFLICT(guid) DO UPDATE SET gone_at = excluded.gone_at");
        seenAt = connection.prepareStatement("SELECT seen_at FROM job_seen WHERE guid = ?");
        forgetSeen = connection.prepareStatement("DELETE FROM job_seen WHERE guid = ?");
        gone = connection.prepareStatement("SELECT guid FROM job_seen WHERE gone_at IS NOT NULL");
        guids = connection.prepareStatement("SELECT guid FROM job ORDER BY id");
    }

    /**
     * Stores a job exactly as the orchestrator knows it (times included): inserts it, or replaces the
     * stored copy with the same GUID, and notes it was seen now. An orchestrator may leave out
     * {@code created_at}/{@code updated_at}; then the stored copy's times (or now) stand in for them.
     */
    public void put(Job job) {
        synchronized (store) {
            Job known = store.find(job.guid()).orElse(null);
            LocalDateTime now = store.now();
            try {
                Job toStore = job;
                if (job.createdAt() == null || job.updatedAt() == null) {
                    LocalDateTime created = job.createdAt() != null ? job.createdAt() : known != null ? known.createdAt() : now;
                    LocalDateTime updated = job.updatedAt() != null ? job.updatedAt() : known != null ? known.updatedAt() : created;
                    toStore = new Job(job.guid(), job.status(), job.type(), job.source(), job.processVersionId(),
                            job.robotId(), job.accountId(), job.scheduleId(), job.taskId(), job.stopAfter(),
                            job.abortAfter(), created, updated, job.startedAt(), job.completedAt());
                }
                if (!toStore.equals(known)) { // nothing changed: only when it was seen is written
                    JobRowMapper.bind(upsert, toStore);
                    upsert.executeUpdate();
                }
                markSeen.setString(1, job.guid().toString());
                markSeen.setString(2, now.toString());
                markSeen.executeUpdate();
            } catch (SQLException e) {
                throw store.failureOf("put", e);
            }
        }
    }

    /** When {@link #put} last stored this job (when the orchestrator last showed it). */
    public Optional<LocalDateTime> seenAt(UUID guid) {
        synchronized (store) {
            try {
                store.connection();
                seenAt.setString(1, guid.toString());
                try (ResultSet rs = seenAt.executeQuery()) {
                    return rs.next() ? Optional.of(LocalDateTime.parse(rs.getString(1))) : Optional.empty();
                }
            } catch (SQLException e) {
                throw store.failureOf("seen", e);
            }
        }
    }

    /** Removes the job and its seen time; says whether the job was stored. */
    public boolean remove(UUID guid) {
        synchronized (store) {
            try {
                store.connection();
                forgetSeen.setString(1, guid.toString());
                forgetSeen.executeUpdate();
                delete.setString(1, guid.toString());
                return delete.executeUpdate() > 0;
            } catch (SQLException e) {
                throw store.failureOf("remove", e);
            }
        }
    }

    /**
     * Marks a job the orchestrator said it no longer has: kept and shown as gone until
     * {@link #clearGone()}; a later {@link #put} of it clears the mark. A job not stored is left alone.
     */
    public void markGone(UUID guid) {
        synchronized (store) {
            try {
                store.connection();
                markGone.setString(1, guid.toString());
                markGone.setString(2, store.now().toString());
                markGone.executeUpdate();
            } catch (SQLException e) {
                throw store.failureOf("gone", e);
            }
        }
    }

    /** The jobs marked gone. */
    public List<UUID> goneJobs() {
        return guids(gone, "gone");
    }

    /** Removes the jobs marked gone that have no write waiting; says how many. */
    public int clearGone() {
        synchronized (store) {
            int[] n = {0};
            store.inTransaction(() -> {
                for (UUID g : goneJobs()) {
                    if (!store.outbox().has(g) && remove(g)) {
                        n[0]++;
                    }
                }
            });
            return n[0];
        }
    }

    /** Every stored GUID, oldest first (a refresh reads them one by one). */
    public List<UUID> allGuids() {
        return guids(guids, "list");
    }

    private List<UUID> guids(PreparedStatement query, String operation) {
        synchronized (store) {
            List<UUID> out = new ArrayList<>();
            try {
                store.connection();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        out.add(UUID.fromString(rs.getString(1)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw store.failureOf(operation, e);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : List.of(upsert, delete, markSeen, seenAt, forgetSeen, markGone, gone, guids)) {
            ps.close();
        }
    }
}
