package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.OutboxEntry.Op;
import com.jobsconsole.gateway.OutboxEntry.State;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync.JobSyncState;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox of an orchestrator's cache: the writes not yet confirmed, in the order written, kept in
 * the cache file so that recording a write and the cache change it expects commit together (call
 * these inside {@link SqliteSession#inTransaction}). Every method runs in the cache's session.
 */
public final class OutboxTable {

    private static final String COLUMNS = "id, guid, op, status, base_status, type, source, process_version_id, "
            + "robot_id, account_id, schedule_id, task_id, stop_after, abort_after, state, queued_at, attempts, "
            + "problem, their_status";
    /** The problem of an entry marked as being sent: it went out, what came of it is not written down yet. */
    public static final String SENT = "outbox.unverified.sent";
    /** Separates a problem's message key and arguments in one column. */
    private static final String SEP = "\u001F";

    private final SqliteSession session;

    OutboxTable(SqliteSession session) {
        this.session = session;
    }

    /** Records a create: its draft, pending. Returns the entry's id. */
    public long addCreate(JobDraft d) {
        return add(d.guid(), Op.CREATE, d.status(), null, d);
    }

    /** Records a status update made from {@code baseStatus} (null: the job was not in the cache). */
    public long addUpdate(UUID guid, int status, Integer baseStatus) {
        return add(guid, Op.UPDATE, status, baseStatus, null);
    }

    public long addDelete(UUID guid) {
        return add(guid, Op.DELETE, null, null, null);
    }

    private long add(UUID guid, Op op, Integer status, Integer base, JobDraft d) {
        return session.call("outbox", c -> {
            update("INSERT INTO outbox(guid, op, status, base_status, type, source, process_version_id, robot_id, "
                            + "account_id, schedule_id, task_id, stop_after, abort_after, state, queued_at) "
                            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'PENDING',?)",
                    guid.toString(), op.name(), status, base, d == null ? null : d.type(),
                    d == null ? null : d.source().wire(), d == null ? null : d.processVersionId(),
                    d == null ? null : d.robotId(), d == null ? null : d.accountId(), d == null ? null : d.scheduleId(),
                    d == null ? null : d.taskId(), d == null ? null : JobJson.formatTime(d.stopAfter()),
                    d == null ? null : JobJson.formatTime(d.abortAfter()),
                    LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
            return query("SELECT last_insert_rowid()", rs -> rs.getLong(1)).get(0);
        });
    }

    /** Every entry, in the order written. */
    public List<OutboxEntry> all() {
        return select("SELECT " + COLUMNS + " FROM outbox ORDER BY id");
    }

    /** A job's entries, in the order written. */
    public List<OutboxEntry> forJob(UUID guid) {
        return select("SELECT " + COLUMNS + " FROM outbox WHERE guid = ? ORDER BY id", guid.toString());
    }

    /** Whether the job has a write that is not yet confirmed or in conflict (its cached copy is ours, not theirs). */
    public boolean sending(UUID guid) {
        return !query("SELECT 1 FROM outbox WHERE guid = ? AND state <> 'CONFLICT' LIMIT 1", rs -> 1,
                guid.toString()).isEmpty();
    }

    /** Whether the job has an entry written after entry {@code id}. */
    public boolean hasAfter(UUID guid, long id) {
        return !query("SELECT 1 FROM outbox WHERE guid = ? AND id > ? LIMIT 1", rs -> 1, guid.toString(), id).isEmpty();
    }

    /** Whether the job has any entry (a conflict included). */
    public boolean has(UUID guid) {
        return !query("SELECT 1 FROM outbox WHERE guid = ? LIMIT 1", rs -> 1, guid.toString()).isEmpty();
    }

    public int count() {
        return query("SELECT count(*) FROM outbox", rs -> rs.getInt(1)).get(0);
    }

    public int conflicts() {
        return query("SELECT count(*) FROM outbox WHERE state = 'CONFLICT'", rs -> rs.getInt(1)).get(0);
    }

    /** Each job with an entry: its most pressing state (a conflict, else unverified, else pending). */
    public Map<UUID, JobSyncState> states() {
        Map<UUID, JobSyncState> out = new LinkedHashMap<>();
        query("SELECT guid, max(CASE state WHEN 'CONFLICT' THEN 3 WHEN 'UNVERIFIED' THEN 2 ELSE 1 END) "
                + "FROM outbox GROUP BY guid", rs -> Map.entry(UUID.fromString(rs.getString(1)), switch (rs.getInt(2)) {
                    case 3 -> JobSyncState.CONFLICT;
                    case 2 -> JobSyncState.UNVERIFIED;
                    default -> JobSyncState.PENDING;
                })).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Removes an entry; says whether it was still there (another replay may have settled it). */
    public boolean remove(long id) {
        return update("DELETE FROM outbox WHERE id = ?", id) > 0;
    }

    public void removeJob(UUID guid) {
        update("DELETE FROM outbox WHERE guid = ?", guid.toString());
    }

    /**
     * Marks a waiting entry as being sent, if it is its job's first: from the commit of this mark until
     * its answer is written down it is unverified, so a process killed meanwhile leaves it unverified
     * and the next replay settles it by reading the job. A job's later writes are never marked while an
     * earlier one is there, so at most one of a job's writes is ever unverified. Says whether it was marked.
     */
    public boolean claim(long id, UUID guid) {
        return update("UPDATE outbox SET state = 'UNVERIFIED', problem = ? WHERE id = ? AND state = 'PENDING' "
                + "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.guid = ? AND o.id < ?)",
                join(List.of(SENT)), id, guid.toString(), id) > 0;
    }

    /** A job's first entry (the one to send or settle next), if it has any. */
    public Optional<OutboxEntry> first(UUID guid) {
        return select("SELECT " + COLUMNS + " FROM outbox WHERE guid = ? ORDER BY id LIMIT 1", guid.toString())
                .stream().findFirst();
    }

    /** The jobs with an entry to send or settle, in the order of their first entry (a job held by a conflict left out). */
    public List<UUID> jobsToSend() {
        return query("SELECT guid FROM outbox o WHERE id = (SELECT min(id) FROM outbox f WHERE f.guid = o.guid) "
                + "AND state <> 'CONFLICT' ORDER BY id", rs -> UUID.fromString(rs.getString(1)));
    }

    /** An entry that was not sent after all (it waits behind others, or its turn): waiting, and why. */
    public void notSent(long id, List<String> problem) {
        update("UPDATE outbox SET state = 'PENDING', problem = ? WHERE id = ? AND state <> 'CONFLICT'", join(problem), id);
    }

    /**
     * Notes a try that got no settled answer: the entry stays, unverified when the request may have
     * reached the orchestrator; waiting again when it certainly did not and it was waiting before
     * this try ({@code wasPending}); else as it was (an unverified entry stays unverified).
     */
    public void noAnswer(long id, boolean maybeReceived, List<String> problem, boolean wasPending) {
        update("UPDATE outbox SET attempts = attempts + 1, problem = ?, state = CASE WHEN ? THEN 'UNVERIFIED' "
                + "WHEN ? THEN 'PENDING' ELSE state END WHERE id = ?", join(problem), maybeReceived, wasPending, id);
    }

    /** Marks a conflict: why, and the orchestrator's status now (null: it has no such job). */
    public boolean conflict(long id, List<String> problem, Integer theirStatus) {
        return update("UPDATE outbox SET state = 'CONFLICT', problem = ?, their_status = ? WHERE id = ?", join(problem),
                theirStatus, id) > 0;
    }

    /** Apply mine: the update is sent again, from the orchestrator's status now as its base. */
    public void rebase(long id, Integer base) {
        update("UPDATE outbox SET state = 'PENDING', base_status = ?, problem = NULL, their_status = NULL WHERE id = ?",
                base, id);
    }

    /**
     * After "apply mine" on entry {@code id}: the job's next write, if it is an update, was made from
     * what the cache showed then (theirs); once mine is applied, it follows mine ({@code base}).
     */
    public void rebaseNext(UUID guid, long id, int base) {
        update("UPDATE outbox SET base_status = ? WHERE op = 'UPDATE' AND id = "
                + "(SELECT min(id) FROM outbox WHERE guid = ? AND id > ?)", base, guid.toString(), id);
    }

    /** Runs a change; says how many entries it touched. */
    private int update(String sql, Object... params) {
        return session.call("outbox", c -> {
            PreparedStatement ps = session.statement(sql);
            JobQuerySql.setAll(ps, Arrays.asList(params));
            return ps.executeUpdate();
        });
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... params) {
        return session.call("outbox", c -> {
            List<T> out = new ArrayList<>();
            PreparedStatement ps = session.statement(sql);
            JobQuerySql.setAll(ps, Arrays.asList(params));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        });
    }

    private List<OutboxEntry> select(String sql, Object... params) {
        return query(sql, OutboxTable::map, params);
    }

    private static OutboxEntry map(ResultSet rs) throws SQLException {
        UUID guid = UUID.fromString(rs.getString("guid"));
        Op op = Op.valueOf(rs.getString("op"));
        Integer status = getInt(rs, "status");
        JobDraft draft = null;
        if (op == Op.CREATE) {
            draft = new JobDraft(guid, status, rs.getInt("type"), JobSource.fromWire(rs.getString("source")).orElseThrow(),
                    getLong(rs, "process_version_id"), getLong(rs, "robot_id"), getLong(rs, "account_id"),
                    getLong(rs, "schedule_id"), getLong(rs, "task_id"), JobJson.parseOwnTime(rs.getString("stop_after")),
                    JobJson.parseOwnTime(rs.getString("abort_after")));
        }
        String problem = rs.getString("problem");
        return new OutboxEntry(rs.getLong("id"), guid, op, draft, status, getInt(rs, "base_status"),
                State.valueOf(rs.getString("state")), LocalDateTime.parse(rs.getString("queued_at")),
                rs.getInt("attempts"), problem == null ? List.of() : List.of(problem.split(SEP, -1)),
                getInt(rs, "their_status"));
    }

    private static String join(List<String> problem) {
        return problem == null || problem.isEmpty() ? null : String.join(SEP, problem);
    }

    private static Integer getInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

}
