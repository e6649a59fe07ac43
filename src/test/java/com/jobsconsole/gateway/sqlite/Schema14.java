package com.jobsconsole.gateway.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Takes a store of the latest schema back to schema 14, for tests of the migrations after it. */
final class Schema14 {

    private Schema14() {
    }

    /**
     * Schema 14 kept the tallies in every write (schema 6's triggers): the changes not yet taken in are
     * folded into them, migration 15's triggers, views, table and columns go, schema 6's triggers come back.
     */
    static void restore(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO job_tally(status, type, source, robot, n) SELECT status, type, source, robot, "
                    + "sum(n) FROM job_tally_pending WHERE true GROUP BY 1, 2, 3, 4 ON CONFLICT DO UPDATE SET n = n + excluded.n");
            st.execute("INSERT INTO job_tally_day(day, status, type, source, n) SELECT day, status, type, source, "
                    + "sum(n) FROM job_tally_pending WHERE true GROUP BY 1, 2, 3, 4 ON CONFLICT DO UPDATE SET n = n + excluded.n");
            for (String trigger : List.of("job_tally_insert", "job_changed", "job_tally_delete", "job_change_fold")) {
                st.execute("DROP TRIGGER " + trigger);
            }
            for (String view : List.of("job_tally_now", "job_tally_day_now", "job_tally_pending")) {
                st.execute("DROP VIEW " + view);
            }
            st.execute("DROP TABLE job_tally_upto");
            for (String side : List.of("old", "new")) {
                for (String key : List.of("status", "type", "source", "robot", "day")) {
                    st.execute("ALTER TABLE job_change DROP COLUMN " + side + "_" + key);
                }
            }
            for (String sql : Schema.MIGRATIONS.get(5)) {
                if (sql.strip().startsWith("CREATE TRIGGER")) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = 14");
        }
    }
}
