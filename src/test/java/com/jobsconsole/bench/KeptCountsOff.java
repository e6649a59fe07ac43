package com.jobsconsole.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A store as it was before issue 19: without the triggers that keep the counts and log the changes,
 * nor their tables (a bulk insert then keeps no tally). The baseline of what writes pay for them.
 */
final class KeptCountsOff {

    private KeptCountsOff() {
    }

    static void strip(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String trigger : List.of("job_tally_insert", "job_tally_update", "job_changed", "job_tally_delete",
                    "job_change_prune", "job_change_fold")) {
                st.execute("DROP TRIGGER IF EXISTS " + trigger);
            }
            for (String view : List.of("job_tally_now", "job_tally_day_now", "job_tally_pending")) {
                st.execute("DROP VIEW IF EXISTS " + view);
            }
            for (String table : List.of("job_tally", "job_tally_day", "job_change", "job_tally_checked", "job_tally_upto")) {
                st.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }
}
