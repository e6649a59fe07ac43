package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.model.JobDraft;
import com.jobsconsole.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A store written by the first version opens in this one: migrated forward, nothing lost. */
class SchemaMigrationTest {

    @TempDir
    Path dir;

    @Test
    void aVersionOneStoreIsMigratedAndKeepsItsJobs() throws Exception {
        Path file = dir.resolve("v1.sqlite");
        String guid = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String sql : Schema.MIGRATIONS.get(0)) {
                st.execute(sql);
            }
            st.execute("PRAGMA user_version = 1");
            st.execute("INSERT INTO job_status(code, key, kind) VALUES (1, 'PENDING', 'queued'), (8, 'IN_PROGRESS', 'running')");
            st.execute("INSERT INTO job_type(code, key) VALUES (1, 'ORCHESTRATED')");
            st.execute("INSERT INTO job(guid, status, type, source, process_version_id, robot_id, created_at, updated_at) "
                    + "VALUES ('" + guid + "', 1, 1, 'GUI', 5, 6, '2025-01-01 00:00:00', '2025-01-01 00:00:00')");
        }
        try (SqliteJobGateway g = SqliteJobGateway.open(file, TestStore.REFERENCE)) {
            assertThat(g.read(UUID.fromString(guid)).robotId()).isEqualTo(6L);
            g.updateStatus(UUID.fromString(guid), 8);
            assertThat(g.history(UUID.fromString(guid))).hasSize(2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Schema.latestVersion()).isEqualTo(15);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'job_started_robot'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the timeline's index came with migration 3").isEqualTo(1);
        }
    }

    @Test
    void statusChangesAreRecordedAndGoWithTheJob() {
        try (SqliteJobGateway g = SqliteJobGateway.open(dir.resolve("events.sqlite"), TestStore.REFERENCE)) {
            UUID guid = g.create(JobDraft.of(UUID.randomUUID(), 1, 1, 1)).guid();
            g.updateStatus(guid, 1);
            assertThat(g.history(guid)).hasSize(1);
            g.updateStatus(guid, 8);
            g.updateStatus(guid, 5);
            var h = g.history(guid);
            assertThat(h).extracting(e -> e.toStatus()).containsExactly(1, 8, 5);
            assertThat(h.get(0).fromStatus()).isNull();
            assertThat(h.get(2).fromStatus()).isEqualTo(8);
            g.delete(guid);
            g.create(JobDraft.of(guid, 1, 1, 1));
            assertThat(g.history(guid)).as("a new job with the same GUID starts afresh").hasSize(1);
        }
    }
}
