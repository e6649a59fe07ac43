package com.jobsconsole.gateway.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The triggers that write the journal's items: TEMP, made by the console's connection for itself, so another
 * program's writes to the file are never journaled; they fire only while {@code journal_entry()} (the
 * connection's function, {@link SqliteJournal}) says a journaled write is under way (its entry's id, or 0
 * while its row is not written yet). An entry's first item is in its own row, the later ones in
 * {@code journal_item} (schema 14).
 */
final class JournalTriggers {

    private static final String STATE = "json_object('status', %1$s.status, 'stop', %1$s.stop_after, 'abort', %1$s.abort_after)";
    private static final String ON = " WHEN journal_entry() IS NOT NULL";

    /**
     * An item of the entry under way: its first in the entry's own row (written then, with who, when, where and
     * what: a single write adds one row to the journal), a later one in {@code journal_item}. Run in this order by
     * the triggers for each job's change, and from Java for an item written without a change to a job's row (a
     * remote job the cache has no copy of; {@link JournalOutboxItems}).
     *
     * @param toItems a later item into {@code journal_item} (nothing for the first)
     * @param toEntry the first item, with the entry's row (nothing for a later one)
     * @param hour    a new entry filed under its hour when it is the hour's first (a row an hour: most write
     *                nothing); an insert into {@code journal_hour} (no rowid) leaves {@code last_insert_rowid()}
     *                as the entry's row left it
     * @param bind    tells Java the new row's id ({@code journal_bind}), after which {@code journal_entry()} is it
     */
    record Item(String toItems, String toEntry, String hour, String bind) {

        List<String> statements() {
            return List.of(toItems, toEntry, hour, bind);
        }
    }

    /** The statements of an item whose GUID, before and after are these SQL expressions. */
    static Item item(String guid, String before, String after) {
        return new Item("INSERT INTO journal_item (entry, guid, before, after) SELECT journal_entry(), " + guid + ", "
                        + before + ", " + after + " WHERE journal_entry() > 0",
                "INSERT INTO journal (at, os_user, target, action, detail, undoes, guid, before, after)"
                        + " SELECT journal_mark(1), journal_mark(2), journal_mark(3), journal_mark(4), journal_mark(5),"
                        + " journal_mark(6), " + guid + ", " + before + ", " + after + " WHERE journal_entry() = 0",
                "INSERT OR IGNORE INTO journal_hour (hour, first) SELECT substr(at, 1, 13), id FROM journal"
                        + " WHERE id = last_insert_rowid() AND journal_entry() = 0",
                "SELECT journal_bind(last_insert_rowid()) WHERE journal_entry() = 0");
    }

    private static String body(String guid, String before, String after) {
        return " BEGIN " + String.join("; ", item(guid, before, after).statements()) + "; END";
    }

    private static final List<String> TEMP = List.of(
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_job_insert AFTER INSERT ON main.job" + ON
                    + body("new.guid", "NULL", STATE.formatted("new")),
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_job_update AFTER UPDATE OF status, stop_after, abort_after"
                    + " ON main.job" + ON + " AND (old.status IS NOT new.status"
                    + " OR old.stop_after IS NOT new.stop_after OR old.abort_after IS NOT new.abort_after)"
                    + body("new.guid", STATE.formatted("old"), STATE.formatted("new")),
            // before the row goes (and its history with it, by the foreign key's cascade): all of it is kept
            "CREATE TEMP TRIGGER IF NOT EXISTS journal_job_delete BEFORE DELETE ON main.job" + ON
                    + body("old.guid", "json_object('status', old.status, 'stop', old.stop_after, 'abort', old.abort_after,"
                    + " 'row', json_array(old.guid, old.status, old.type, old.source, old.process_version_id,"
                    + " old.robot_id, old.account_id, old.schedule_id, old.task_id, old.stop_after, old.abort_after,"
                    + " old.created_at, old.updated_at, old.started_at, old.completed_at),"
                    + " 'history', json((SELECT json_group_array(json_array(at, from_status, to_status, origin))"
                    + " FROM (SELECT at, from_status, to_status, origin FROM job_event WHERE guid = old.guid"
                    + " ORDER BY id))))", "NULL"));

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
