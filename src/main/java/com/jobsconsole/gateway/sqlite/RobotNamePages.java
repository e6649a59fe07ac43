package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A page sorted by robot name without sorting the job table: a store holds a few hundred robots, and
 * the tally says how many of the filter's jobs each has. So the robots are put in name order (those
 * the directory does not name first, by id, as SQL puts a missing name first), the page's offset is
 * walked over their counts, and only the robots the page falls in are read, each through the index on
 * {@code robot_id}. The order is exactly {@link JobQuerySql#page}'s for {@link JobSort#ROBOT_NAME}
 * (name, robot id, job id): that SQL remains for a filter the tally cannot count.
 */
final class RobotNamePages {

    private RobotNamePages() {
    }

    /** Whether this query's page is read this way. */
    static boolean applies(JobQuery q) {
        return q.sort() == JobSort.ROBOT_NAME && Tally.counts(q);
    }

    /** The page, read on the session's connection {@code c} inside its lock ({@link SqliteSession#call}). */
    static List<Job> page(Connection c, JobQuery q) throws SQLException {
        List<Object> params = new ArrayList<>();
        Map<Long, Long> perRobot = new HashMap<>(); // robot id (0: none) -> the filter's jobs
        try (PreparedStatement ps = c.prepareStatement(Tally.countBy("robot", q, params))) {
            JobQuerySql.setAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perRobot.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        Map<Long, String> names = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, name FROM directory WHERE kind = 'robot'")) {
            while (rs.next()) {
                names.put(rs.getLong(1), rs.getString(2));
            }
        }
        Comparator<Long> byName = Comparator.<Long, String>comparing(names::get,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Comparator.naturalOrder());
        List<Long> robots = new ArrayList<>(perRobot.keySet());
        robots.sort(q.ascending() ? byName : byName.reversed());
        List<Job> out = new ArrayList<>();
        long skip = q.offset();
        String dir = q.ascending() ? " ASC" : " DESC";
        for (long robot : robots) {
            int need = q.limit() - out.size();
            if (need <= 0) {
                break;
            }
            long n = perRobot.get(robot);
            if (skip >= n) {
                skip -= n;
                continue;
            }
            List<Object> p = new ArrayList<>();
            String where = JobQuerySql.where(q, p);
            String sql = "SELECT " + JobRowMapper.COLUMNS + " FROM job" + where + (where.isEmpty() ? " WHERE " : " AND ")
                    + (robot == 0 ? "robot_id IS NULL" : "robot_id = " + robot) + " ORDER BY id" + dir
                    + " LIMIT " + need + " OFFSET " + skip;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                JobQuerySql.setAll(ps, p);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(JobRowMapper.map(rs));
                    }
                }
            }
            skip = 0;
        }
        return out;
    }
}
