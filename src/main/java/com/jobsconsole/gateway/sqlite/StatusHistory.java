package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A job's status history in {@code job_event}: read with its creation first, and put back (an undone delete). */
final class StatusHistory {

    private final SqliteSession session;

    StatusHistory(SqliteSession session) {
        this.session = session;
    }

    /** The job's history, oldest first, its creation first; a change nobody marked came from {@code unmarked}. */
    List<JobEvent> of(Job job, ChangeOrigin unmarked) {
        UUID guid = job.guid();
        List<JobEvent> events = session.call("history", c -> {
            List<JobEvent> out = new ArrayList<>();
            PreparedStatement ps = session.statement(
                    "SELECT at, from_status, to_status, origin FROM job_event WHERE guid = ? ORDER BY id");
            ps.setString(1, guid.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int from = rs.getInt(2);
                    Integer fromStatus = rs.wasNull() ? null : from;
                    out.add(new JobEvent(guid, JobRowMapper.time(rs.getString(1)), fromStatus, rs.getInt(3),
                            ChangeOrigin.of(rs.getString(4), unmarked)));
                }
            }
            return out;
        });
        int initial = events.isEmpty() || events.get(0).fromStatus() == null ? job.status() : events.get(0).fromStatus();
        events.add(0, new JobEvent(guid, job.createdAt(), null, initial, null));
        return events;
    }

    /** Puts back a job's events as they were, after any it has, in their order, with their times and origins. */
    void restore(UUID guid, List<JobEvent> events) {
        session.inTransaction(() -> session.call("history", c -> {
            PreparedStatement ps = session.statement(
                    "INSERT INTO job_event (guid, at, from_status, to_status, origin) VALUES (?, ?, ?, ?, ?)");
            for (JobEvent e : events) {
                ps.setString(1, guid.toString());
                ps.setString(2, JobJson.formatTime(e.at()));
                ps.setObject(3, e.fromStatus());
                ps.setInt(4, e.toStatus());
                ps.setString(5, e.origin() == null ? null : e.origin().code());
                ps.executeUpdate();
            }
            return null;
        }));
    }
}
