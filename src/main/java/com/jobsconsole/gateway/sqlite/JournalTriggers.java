package com.jobsconsole.gateway.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The triggers that write the journal's items: TEMP, made by the console's connection for itself, so another
 * program's writes to the file are never journaled; they fire only while {@code journal_entry()} (the
 * connection's function, {@link SqliteJournal}) says a journaled write is under way (its entry's id, or 0
 * while its row is not written yet).
 */
final class JournalTriggers {

    private static final String STATE = "json_object('status', %1$s.status, 'stop', %1$s.stop_after, 'abort', %1$s.abort_after)";
    private static final String ON = " WHEN journal_entry() IS NOT NULL";
    /**
     * The entry's row, written before its first item; the item's {@code journal_bind(last_insert_rowid())}
     * then tells Java the row's id (later items of the entry find it written, skip this, and get the id).
     * Run by the triggers before each item, and from Java for an item written without a change to a job's
     * row (a remote job the cache has no copy of).
     */
    static final String OPEN_ENTRY = "INSERT INTO journal (at, os_user, target, action, detail, undoes)"
            + " SELECT journal_mark(1), journal_mark(2), journal_mark(3), journal_mark(4), journal_mark(5),"
            + " journal_mark(6) WHERE journal_entry() = 0";
    /** The entry an item belongs to: the one under way, or the row {@link #OPEN_ENTRY} just wrote. */
    static final String ENTRY = "journal_bind(last_insert_rowid())";
    private static final String OPEN = " " + OPEN_ENTRY + ";";
    private static final List<String> TEMP = List.of(
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_job_insert AFTER INSERT ON main.job" + ON + " BEGIN"
                    + OPEN + " INSERT INTO journal_item (entry, guid, before, after) VALUES (" + ENTRY + ", new.guid, NULL, "
                    + STATE.formatted("new") + "); END",
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_job_update AFTER UPDATE OF status, stop_after, abort_after"
                    + " ON main.job" + ON + " AND (old.status IS NOT new.status"
                    + " OR old.stop_after IS NOT new.stop_after OR old.abort_after IS NOT new.abort_after) BEGIN"
                    + OPEN + " INSERT INTO journal_item (entry, guid, before, after) VALUES (" + ENTRY + ", new.guid, "
                    + STATE.formatted("old") + ", " + STATE.formatted("new") + "); END",
            // before the row goes (and its history with it, by the foreign key's cascade): all of it is kept
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_job_delete BEFORE DELETE ON main.job" + ON + " BEGIN"
                    + OPEN + " INSERT INTO journal_item (entry, guid, before, after) VALUES (" + ENTRY + ", old.guid,"
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
