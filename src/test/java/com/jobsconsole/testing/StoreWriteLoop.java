package com.jobsconsole.testing;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.ReferenceData;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;

/**
 * A subprocess that writes a store every way the store is written until it is killed: through the
 * gateway (create, status change, delete), in bulk (a few thousand jobs in one transaction), and
 * by raw SQL from a connection of its own (a transaction that changes statuses, robots, creation
 * days and deletes). Prints "writing" once it has started.
 *
 * <p>Arguments: the store file, a seed.
 */
public final class StoreWriteLoop {

    private StoreWriteLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        try (SqliteJobGateway store = SqliteJobGateway.open(file, ref);
             Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            raw.createStatement().execute("PRAGMA busy_timeout = 10000");
            System.out.println("writing");
            System.out.flush();
            for (int round = 0; ; round++) {
                switch (round % 3) {
                    case 0 -> {
                        for (int i = 0; i < 20; i++) {
                            UUID guid = UUID.randomUUID();
                            store.create(JobDraft.of(guid, 1 + random.nextInt(2), 1 + random.nextInt(9),
                                    1 + random.nextInt(5)));
                            store.updateStatus(guid, random.nextInt(9));
                            if (i % 3 == 0) {
                                store.delete(guid);
                            }
                        }
                    }
                    case 1 -> store.insertAll(new DemoJobs(ref, 3_000, random.nextLong(),
                            LocalDateTime.of(2030, 1, 1, 0, 0)), x -> { }, () -> false);
                    default -> {
                        try (Statement st = raw.createStatement()) {
                            st.execute("BEGIN IMMEDIATE");
                            st.execute("UPDATE job SET status = abs(random()) % 9 WHERE id IN "
                                    + "(SELECT id FROM job ORDER BY random() LIMIT 200)");
                            st.execute("UPDATE job SET robot_id = 1 + abs(random()) % 7, "
                                    + "created_at = '2029-12-' || (10 + abs(random()) % 10) || ' 10:00:00' "
                                    + "WHERE id IN (SELECT id FROM job ORDER BY random() LIMIT 100)");
                            st.execute("DELETE FROM job WHERE id IN (SELECT id FROM job ORDER BY random() LIMIT 50)");
                            st.execute("COMMIT");
                        }
                    }
                }
            }
        }
    }
}
