package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page sorted by robot name, read robot by robot through the tally, is exactly the page the plain
 * SQL sort gives — ascending and descending, filtered, at every offset, with unnamed robots, names
 * that are equal, and jobs with no robot.
 */
class RobotNamePagesTest {

    @TempDir
    Path dir;

    @Test
    void everyPageIsThePlainSortsPage() throws Exception {
        try (SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("s.sqlite"), TestStore.REFERENCE)) {
            store.insertAll(new DemoJobs(TestStore.REFERENCE, 3_000, 4, LocalDateTime.of(2030, 1, 1, 0, 0)), n -> { },
                    () -> false);
            List<DirectoryEntry> names = new ArrayList<>();
            for (long id = 1; id <= 40; id += 2) { // every other robot named; two share a name
                names.add(DirectoryEntry.of(DirectoryKind.ROBOT, id, id == 7 ? "WS-SAME" : id == 9 ? "WS-SAME"
                        : "WS-" + (char) ('Z' - id / 2) + "-" + id));
            }
            store.capability(JobDirectory.class).orElseThrow().put(names);
            try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + store.path())) {
                raw.createStatement().execute("UPDATE job SET robot_id = NULL WHERE id % 97 = 0");
                List<JobQuery> queries = List.of(JobQuery.all(), JobQuery.all().withStatuses(Set.of(4, 5)),
                        JobQuery.all().withRobots(Set.of(3L, 7L, 9L, 12L)), JobQuery.all().withTypes(Set.of(0)));
                for (JobQuery base : queries) {
                    for (boolean ascending : new boolean[] {true, false}) {
                        long total = store.query(base.page(0, 0)).total();
                        for (long offset : new long[] {0, 1, 37, 500, 1_234, total - 50, total - 1, total + 5}) {
                            JobQuery q = base.sortedBy(JobSort.ROBOT_NAME, ascending).page(100, (int) Math.max(0, offset));
                            assertThat(RobotNamePages.applies(q)).isTrue();
                            assertThat(store.page(q)).extracting(Job::guid).as("%s at %s", q, offset)
                                    .isEqualTo(plain(raw, q));
                        }
                    }
                }
            }
        }
    }

    /** The same page by the plain SQL sort. */
    private static List<UUID> plain(Connection raw, JobQuery q) throws Exception {
        List<Object> params = new ArrayList<>();
        List<UUID> out = new ArrayList<>();
        try (PreparedStatement ps = raw.prepareStatement(JobQuerySql.page(q, params))) {
            JobQuerySql.setAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(UUID.fromString(rs.getString("guid")));
                }
            }
        }
        return out;
    }
}
