package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.ChangeFeed.Changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The store's change log ({@code job_change}, written by its triggers): every created, changed or
 * deleted job's GUID under a sequence number, about the last 10,000 kept; a bulk insert is one
 * change without a GUID ("read everything").
 */
final class ChangeLog {

    private ChangeLog() {
    }

    /** The newest change's number, 0 when none. */
    static long last(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) FROM job_change")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The jobs changed after {@code since}; "everything" past {@code limit}, a bulk change or a pruned log. */
    static Changes since(SqliteSession session, long since, int limit) throws SQLException {
        PreparedStatement bounds = session.statement("SELECT min(seq), max(seq) FROM job_change");
        long min;
        long max;
        try (ResultSet rs = bounds.executeQuery()) {
            rs.next();
            min = rs.getLong(1);
            max = rs.getLong(2);
        }
        if (max <= since) {
            return max < since ? Changes.all(max) : new Changes(since, Set.of(), false);
        }
        if (min > since + 1) {
            return Changes.all(max); // the log was pruned past what the caller saw
        }
        PreparedStatement read = session.statement("SELECT seq, guid, op FROM job_change WHERE seq > ? ORDER BY seq LIMIT ?");
        read.setLong(1, since);
        read.setInt(2, limit + 1);
        Set<UUID> guids = new HashSet<>();
        long last = since;
        int n = 0;
        try (ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                if (++n > limit || "B".equals(rs.getString(3)) || rs.getString(2) == null) {
                    return Changes.all(max);
                }
                last = rs.getLong(1);
                guids.add(UUID.fromString(rs.getString(2)));
            }
        }
        return new Changes(last, guids, false);
    }
}
