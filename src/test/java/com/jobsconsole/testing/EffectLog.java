package com.jobsconsole.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the orchestrator really did, job by job: triggers in a {@code serve} store's file write each
 * create ("create 1"), status change ("1>8") and delete ("delete") into a table of their own, in the
 * order they were committed. A write applied twice shows twice; one that never took effect, not at all.
 */
public final class EffectLog {

    private final Path store;

    private EffectLog(Path store) {
        this.store = store;
    }

    /** Installs the triggers in the store file (open or not: SQLite triggers are the file's). */
    public static EffectLog install(Path store) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            st.execute("CREATE TABLE IF NOT EXISTS test_effect (id INTEGER PRIMARY KEY, guid TEXT NOT NULL, what TEXT NOT NULL)");
            st.execute("CREATE TRIGGER IF NOT EXISTS test_effect_create AFTER INSERT ON job BEGIN "
                    + "INSERT INTO test_effect(guid, what) VALUES (new.guid, 'create ' || new.status); END");
            st.execute("CREATE TRIGGER IF NOT EXISTS test_effect_status AFTER UPDATE OF status ON job "
                    + "WHEN old.status IS NOT new.status BEGIN "
                    + "INSERT INTO test_effect(guid, what) VALUES (new.guid, old.status || '>' || new.status); END");
            st.execute("CREATE TRIGGER IF NOT EXISTS test_effect_delete AFTER DELETE ON job BEGIN "
                    + "INSERT INTO test_effect(guid, what) VALUES (old.guid, 'delete'); END");
        }
        return new EffectLog(store);
    }

    /** Every job's effects, in order. */
    public Map<UUID, List<String>> byJob() throws SQLException {
        Map<UUID, List<String>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT guid, what FROM test_effect ORDER BY id")) {
            while (rs.next()) {
                out.computeIfAbsent(UUID.fromString(rs.getString(1)), g -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    /** How many effects there are in all. */
    public int count() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM test_effect")) {
            return rs.getInt(1);
        }
    }
}
