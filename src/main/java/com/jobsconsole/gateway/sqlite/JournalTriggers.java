package com.jobsconsole.gateway.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The triggers that write the journal's items: TEMP, made by the console's connection for itself, so another
 * program's writes to the file are never journaled; they fire only while {@code journal_entry()} (the
 * connection's function, {@link SqliteJournal}) names the entry a journaled write is making.
 */
final class JournalTriggers {

    private static final String STATE = "json_object('status', %1$s.status, 'stop', %1$s.stop_after, 'abort', %1$s.abort_after)";
    /** The entry a journaled write of this connection is making, from Java (null: none, nothing journaled). */
    private static final String NOW = "journal_entry()";
    private static final String ON = " WHEN journal_entry() IS NOT NULL";
    /**
     * The entry's row, written with its first item (its id then told to Java by {@code journal_opened}), and
     * the entry it undoes marked as undone by it. Later items of the entry find it written and skip these.
     * Run by the triggers before each item, and from Java for an item written without a change to a job's
     * row (a remote job the cache has no copy of).
     */
    static final List<String> OPEN_ENTRY = List.of(
            "INSERT INTO journal (at, os_user, target, action, detail, undoes) SELECT journal_mark(1),"
                    + " journal_mark(2), journal_mark(3), journal_mark(4), journal_mark(5), journal_mark(6)"
                    + " WHERE journal_entry() = 0",
            "UPDATE journal SET undone_by = last_insert_rowid() WHERE journal_entry() = 0 AND id = journal_mark(6)",
            "SELECT journal_opened(last_insert_rowid()) WHERE journal_entry() = 0");
    private static final String OPEN = " " + String.join("; ", OPEN_ENTRY) + ";";
    private static final List<String> TEMP = List.of(
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_job_insert AFTER INSERT ON main.job" + ON + " BEGIN"
                    + OPEN + " INSERT INTO journal_item (entry, guid, before, after) VALUES (" + NOW + ", new.guid, NULL, "
                    + STATE.formatted("new") + "); END",
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_job_update AFTER UPDATE OF status, stop_after, abort_after"
                    + " ON main.job" + ON + " AND (old.status IS NOT new.status"
                    + " OR old.stop_after IS NOT new.stop_after OR old.abort_after IS NOT new.abort_after) BEGIN"
                    + OPEN + " INSERT INTO journal_item (entry, guid, before, after) VALUES (" + NOW + ", new.guid, "
                    + STATE.formatted("old") + ", " + STATE.formatted("new") + "); END",
            // before the row goes (and its history with it, by the foreign key's cascade): all of it is kept
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_job_delete BEFORE DELETE ON main.job" + ON + " BEGIN"
                    + OPEN + " INSERT INTO journal_item (entry, guid, before, after) VALUES (" + NOW + ", old.guid,"
                    + " json_object('status', old.status, 'stop', old.stop_after, 'abort', old.abort_after,"
                    + " 'row', json_array(old.guid, old.status, old.type, old.source, old.process_version_id,"
                    + " old.robot_id, old.account_id, old.schedule_id, old.task_id, old.stop_after, old.abort_after,"
                    + " old.created_at, old.updated_at, old.started_at, old.completed_at),"
                    + " 'history', json((SELECT json_group_array(json_array(at, from_status, to_status, origin))"
                    + " FROM (SELECT at, from_status, to_status, origin FROM job_event WHERE guid = old.guid"
                    + " ORDER BY id)))), NULL); END");

    private JournalTriggers() {
    }

    /** Makes the triggers on the connection {@code c} (once per connection). */
    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : TEMP) {
                st.execute(sql);
            }
        }
    }
}
