package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.UUID;

/** A job to the job table's columns and back: the column list, binding parameters, reading rows. */
final class JobRowMapper {

    static final String COLUMNS = "guid, status, type, source, process_version_id, robot_id, account_id, "
            + "schedule_id, task_id, stop_after, abort_after, created_at, updated_at, started_at, completed_at";
    static final int COLUMN_COUNT = 15;
    static final String INSERT = "INSERT INTO job (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private JobRowMapper() {
    }

    /** One INSERT of {@code rows} jobs. */
    static String insertRows(int rows) {
        String one = "(" + "?,".repeat(COLUMN_COUNT - 1) + "?)";
        return "INSERT INTO job (" + COLUMNS + ") VALUES " + String.join(",", Collections.nCopies(rows, one));
    }

    static void bind(PreparedStatement ps, Job j) throws SQLException {
        bind(ps, j, 0);
    }

    /** Binds a job's {@link #COLUMN_COUNT} values to parameters {@code at + 1 ...}. */
    static void bind(PreparedStatement ps, Job j, int at) throws SQLException {
        ps.setString(at + 1, j.guid().toString());
        ps.setInt(at + 2, j.status());
        ps.setInt(at + 3, j.type());
        ps.setString(at + 4, j.source().wire());
        setLong(ps, at + 5, j.processVersionId());
        setLong(ps, at + 6, j.robotId());
        setLong(ps, at + 7, j.accountId());
        setLong(ps, at + 8, j.scheduleId());
        setLong(ps, at + 9, j.taskId());
        ps.setString(at + 10, JobJson.formatTime(j.stopAfter()));
        ps.setString(at + 11, JobJson.formatTime(j.abortAfter()));
        ps.setString(at + 12, JobJson.formatTime(j.createdAt()));
        ps.setString(at + 13, JobJson.formatTime(j.updatedAt()));
        ps.setString(at + 14, JobJson.formatTime(j.startedAt()));
        ps.setString(at + 15, JobJson.formatTime(j.completedAt()));
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    /** The job in the current row of a result of {@code SELECT COLUMNS}. */
    static Job map(ResultSet rs) throws SQLException {
        return map(rs, 0);
    }

    /** The job in the current row of a result whose {@code COLUMNS} come after {@code skip} others. */
    static Job map(ResultSet rs, int skip) throws SQLException {
        int k = skip;
        return new Job(UUID.fromString(rs.getString(k + 1)), rs.getInt(k + 2), rs.getInt(k + 3),
                JobSource.fromWire(rs.getString(k + 4)).orElse(JobSource.GUI),
                getLong(rs, k + 5), getLong(rs, k + 6), getLong(rs, k + 7), getLong(rs, k + 8), getLong(rs, k + 9),
                time(rs.getString(k + 10)), time(rs.getString(k + 11)), time(rs.getString(k + 12)),
                time(rs.getString(k + 13)), time(rs.getString(k + 14)), time(rs.getString(k + 15)));
    }

    private static Long getLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    /** Reads the store's own "yyyy-MM-dd HH:mm:ss" by hand (pages of jobs read six per row). */
    static LocalDateTime time(String s) {
        if (s == null) {
            return null;
        }
        LocalDateTime t = JobJson.parseOwnTime(s);
        // anything else: the strict parser, which says what is wrong
        return t != null ? t : LocalDateTime.parse(s, JobJson.DATE_TIME);
    }
}
