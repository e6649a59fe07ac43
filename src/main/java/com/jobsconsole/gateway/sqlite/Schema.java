package com.jobsconsole.gateway.sqlite;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's schema as forward-only migrations. Migration {@code i} (0-based) takes the store
 * from {@code PRAGMA user_version = i} to {@code i + 1}. Never edit a migration that has shipped:
 * add a new one.
 */
final class Schema {

    static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
                    CREATE TABLE job_status (
                      code INTEGER PRIMARY KEY,
                      key  TEXT NOT NULL,
                      kind TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE job_type (
                      code INTEGER PRIMARY KEY,
                      key  TEXT NOT NULL
                    )""",
                    """
                    CREATE TABLE job (
                      id                 INTEGER PRIMARY KEY,
                      guid               TEXT    NOT NULL CHECK (length(guid) = 36),
                      status             INTEGER NOT NULL REFERENCES job_status(code),
                      type               INTEGER NOT NULL REFERENCES job_type(code),
                      source             TEXT    NOT NULL CHECK (source IN ('GUI', 'Trigger', 'API')),
                      process_version_id INTEGER CHECK (process_version_id > 0),
                      robot_id           INTEGER CHECK (robot_id > 0),
                      account_id         INTEGER CHECK (account_id > 0),
                      schedule_id        INTEGER CHECK (schedule_id > 0),
                      task_id            INTEGER CHECK (task_id > 0),
                      stop_after         TEXT,
                      abort_after        TEXT,
                      created_at         TEXT    NOT NULL,
                      updated_at         TEXT    NOT NULL,
                      started_at         TEXT,
                      completed_at       TEXT
                    )""",
                    "CREATE UNIQUE INDEX job_guid ON job(guid)",
                    "CREATE INDEX job_created ON job(created_at)",
                    "CREATE INDEX job_status_created ON job(status, created_at)",
                    "CREATE INDEX job_type_created ON job(type, created_at)",
                    "CREATE INDEX job_source_created ON job(source, created_at)"),
            // 2: status history, recorded by the store itself (so every writer, raw JDBC included,
            // leaves it), and indexes for the jobs browser's filters and sorts.
            List.of(
                    """
                    CREATE TABLE job_event (
                      id          INTEGER PRIMARY KEY,
                      guid        TEXT    NOT NULL REFERENCES job(guid) ON DELETE CASCADE,
                      at          TEXT    NOT NULL,
                      from_status INTEGER,
                      to_status   INTEGER NOT NULL
                    )""",
                    "CREATE INDEX job_event_guid ON job_event(guid, id)",
                    """
                    CREATE TRIGGER job_status_changed AFTER UPDATE OF status ON job
                    WHEN old.status IS NOT new.status
                    BEGIN
                      INSERT INTO job_event(guid, at, from_status, to_status)
                      VALUES (new.guid, new.updated_at, old.status, new.status);
                    END""",
                    "CREATE INDEX job_updated ON job(updated_at)",
                    "CREATE INDEX job_robot_created ON job(robot_id, created_at)",
                    "CREATE INDEX job_process_version ON job(process_version_id)",
                    "CREATE INDEX job_started ON job(started_at)",
                    "CREATE INDEX job_completed ON job(completed_at)",
                    // covers the browser's counts: status, type, source and robot filters read no table rows
                    "CREATE INDEX job_filter ON job(status, type, source, robot_id, created_at)"),
            List.of(
                    // covers the robot timeline's counts per robot and time (no table row read): 8 weeks
                    // of a million jobs counted in about 1.4 s instead of 4-6 s
                    "CREATE INDEX job_started_robot ON job(started_at, robot_id)"),
            // 4: when an orchestrator's cache last saw each job (a read offline shows the copy with it)
            List.of(
                    """
                    CREATE TABLE job_seen (
                      guid    TEXT PRIMARY KEY,
                      seen_at TEXT NOT NULL
                    )"""),
            // 5: an orchestrator's cache keeps the writes waiting to be sent (the outbox), in the order
            // written, and marks the jobs the orchestrator no longer has (gone) instead of dropping them
            List.of(
                    """
                    CREATE TABLE outbox (
                      id          INTEGER PRIMARY KEY AUTOINCREMENT,
                      guid        TEXT    NOT NULL CHECK (length(guid) = 36),
                      op          TEXT    NOT NULL CHECK (op IN ('CREATE', 'UPDATE', 'DELETE')),
                      status      INTEGER,
                      base_status INTEGER,
                      type        INTEGER,
                      source      TEXT,
                      process_version_id INTEGER,
                      robot_id    INTEGER,
                      account_id  INTEGER,
                      schedule_id INTEGER,
                      task_id     INTEGER,
                      stop_after  TEXT,
                      abort_after TEXT,
                      state       TEXT    NOT NULL CHECK (state IN ('PENDING', 'UNVERIFIED', 'CONFLICT')),
                      queued_at   TEXT    NOT NULL,
                      attempts    INTEGER NOT NULL DEFAULT 0,
                      problem     TEXT,
                      their_status INTEGER
                    )""",
                    "CREATE INDEX outbox_guid ON outbox(guid, id)",
                    "ALTER TABLE job_seen ADD COLUMN gone_at TEXT"),
            // 6: counts kept, not recounted, and a change feed (issue 19). Triggers on the job table
            // keep a tally of jobs per (status, type, source, robot) and per creation day, and write
            // each changed job's GUID to a change log, in the writer's own transaction: every writer,
            // raw SQL from another program included, keeps them right. A bulk insert (seed, import)
            // drops the insert trigger inside its transaction, adds its rows to the tallies itself, logs
            // one 'B' change and makes the trigger again before it commits. job_tally_checked holds when
            // the tallies were last checked against a recount (or built).
            List.of(
                    """
                    CREATE TABLE job_tally (
                      status INTEGER NOT NULL,
                      type   INTEGER NOT NULL,
                      source TEXT    NOT NULL,
                      robot  INTEGER NOT NULL,
                      n      INTEGER NOT NULL,
                      PRIMARY KEY (status, type, source, robot)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE job_tally_day (
                      day    TEXT    NOT NULL,
                      status INTEGER NOT NULL,
                      type   INTEGER NOT NULL,
                      source TEXT    NOT NULL,
                      n      INTEGER NOT NULL,
                      PRIMARY KEY (day, status, type, source)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE job_change (
                      seq  INTEGER PRIMARY KEY,
                      guid TEXT,
                      op   TEXT NOT NULL
                    )""",
                    "CREATE TABLE job_tally_checked (at TEXT NOT NULL)",
                    "INSERT INTO job_tally_checked(at) VALUES (datetime('now', 'localtime'))",
                    """
                    CREATE TRIGGER job_tally_insert AFTER INSERT ON job
                    BEGIN
                      INSERT INTO job_tally(status, type, source, robot, n)
                      VALUES (new.status, new.type, new.source, coalesce(new.robot_id, 0), 1)
                      ON CONFLICT DO UPDATE SET n = n + 1;
                      INSERT INTO job_tally_day(day, status, type, source, n)
                      VALUES (substr(new.created_at, 1, 10), new.status, new.type, new.source, 1)
                      ON CONFLICT DO UPDATE SET n = n + 1;
                      INSERT INTO job_change(guid, op) VALUES (new.guid, 'I');
                    END""",
                    """
                    CREATE TRIGGER job_tally_update AFTER UPDATE OF status, type, source, robot_id, created_at ON job
                    WHEN old.status IS NOT new.status OR old.type IS NOT new.type OR old.source IS NOT new.source
                      OR old.robot_id IS NOT new.robot_id
                      OR substr(old.created_at, 1, 10) IS NOT substr(new.created_at, 1, 10)
                    BEGIN
                      UPDATE job_tally SET n = n - 1 WHERE status = old.status AND type = old.type
                        AND source = old.source AND robot = coalesce(old.robot_id, 0);
                      INSERT INTO job_tally(status, type, source, robot, n)
                      VALUES (new.status, new.type, new.source, coalesce(new.robot_id, 0), 1)
                      ON CONFLICT DO UPDATE SET n = n + 1;
                      UPDATE job_tally_day SET n = n - 1 WHERE day = substr(old.created_at, 1, 10)
                        AND status = old.status AND type = old.type AND source = old.source;
                      INSERT INTO job_tally_day(day, status, type, source, n)
                      VALUES (substr(new.created_at, 1, 10), new.status, new.type, new.source, 1)
                      ON CONFLICT DO UPDATE SET n = n + 1;
                    END""",
                    """
                    CREATE TRIGGER job_changed AFTER UPDATE ON job
                    BEGIN
                      INSERT INTO job_change(guid, op) VALUES (new.guid, 'U');
                      INSERT INTO job_change(guid, op) SELECT old.guid, 'D' WHERE old.guid IS NOT new.guid;
                    END""",
                    """
                    CREATE TRIGGER job_tally_delete AFTER DELETE ON job
                    BEGIN
                      UPDATE job_tally SET n = n - 1 WHERE status = old.status AND type = old.type
                        AND source = old.source AND robot = coalesce(old.robot_id, 0);
                      UPDATE job_tally_day SET n = n - 1 WHERE day = substr(old.created_at, 1, 10)
                        AND status = old.status AND type = old.type AND source = old.source;
                      INSERT INTO job_change(guid, op) VALUES (old.guid, 'D');
                    END""",
                    // the log keeps about the last 10,000 changes: every 1,000th drops the oldest 1,000. The
                    // newest row is never deleted, so a new change's number (the largest + 1) only grows, and no
                    // AUTOINCREMENT is needed (it would write sqlite_sequence's page in every change's commit)
                    """
                    CREATE TRIGGER job_change_prune AFTER INSERT ON job_change WHEN new.seq % 1000 = 0
                    BEGIN
                      DELETE FROM job_change WHERE seq <= new.seq - 10000;
                    END""",
                    Tally.FILL_TALLY,
                    Tally.FILL_TALLY_DAY),
            // 7: a directory of names for the ids jobs carry (issue 20): robots (detail: the machine),
            // process versions (name: the process, detail: the version), accounts
            List.of(
                    """
                    CREATE TABLE directory (
                      kind        TEXT    NOT NULL CHECK (kind IN ('robot', 'process_version', 'account')),
                      id          INTEGER NOT NULL CHECK (id > 0),
                      name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
                      detail      TEXT,
                      guid        TEXT,
                      description TEXT,
                      PRIMARY KEY (kind, id)
                    ) WITHOUT ROWID"""),
            // 8: the browser sorts by how long a finished job ran: an index on that expression, so a sort by
            // duration reads the index instead of computing and sorting every row
            List.of("CREATE INDEX job_duration ON job((julianday(completed_at) - julianday(started_at)))"),
            // 9: where a status change came from (issue 20): the console marks its own ('window', 'cli',
            // 'serve'); a change another program made to a store has none (in a remote profile's cache, that
            // is the orchestrator's). A process version's usual duration reads its last finished runs
            // through an index (it replaces the one on the process version alone).
            List.of("ALTER TABLE job_event ADD COLUMN origin TEXT",
                    "CREATE INDEX job_process_completed ON job(process_version_id, completed_at)",
                    "DROP INDEX job_process_version"),
            // 10: the directory's names are read with every first page of the browser; a stamp that every
            // change of the directory moves (triggers: any writer) lets a reader keep them until it moves
            List.of("CREATE TABLE directory_stamp (n INTEGER NOT NULL)",
                    "INSERT INTO directory_stamp (n) VALUES (0)",
                    "CREATE TRIGGER directory_stamp_insert AFTER INSERT ON directory BEGIN "
                            + "UPDATE directory_stamp SET n = n + 1; END",
                    "CREATE TRIGGER directory_stamp_update AFTER UPDATE ON directory BEGIN "
                            + "UPDATE directory_stamp SET n = n + 1; END",
                    "CREATE TRIGGER directory_stamp_delete AFTER DELETE ON directory BEGIN "
                            + "UPDATE directory_stamp SET n = n + 1; END"),
            // 11: settings kept with the store (or a profile's cache), whichever program opens it: the
            // attention rules' thresholds (issue 21)
            List.of("CREATE TABLE store_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
            // 12: the journal of the console's own changes (issue 22): an entry per action (who, when, where,
            // what), an item per job changed with its before and after, written in the change's transaction
            // by triggers the console's connection makes for itself (SqliteJournal); other programs' changes
            // are not the console's and are not journaled
            List.of("""
                    CREATE TABLE journal (
                      id        INTEGER PRIMARY KEY,
                      at        TEXT    NOT NULL,
                      os_user   TEXT    NOT NULL,
                      target    TEXT    NOT NULL,
                      action    TEXT    NOT NULL,
                      detail    TEXT,
                      undoes    INTEGER,
                      undone_by INTEGER
                    )""",
                    """
                    CREATE TABLE journal_item (
                      id      INTEGER PRIMARY KEY,
                      entry   INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
                      guid    TEXT    NOT NULL,
                      before  TEXT,
                      after   TEXT,
                      outbox  INTEGER,
                      unmade  TEXT
                    )""",
                    "CREATE INDEX journal_at ON journal(at)",
                    "CREATE INDEX journal_item_entry ON journal_item(entry, id)",
                    "CREATE INDEX journal_item_guid ON journal_item(guid)",
                    "CREATE INDEX journal_item_outbox ON journal_item(outbox) WHERE outbox IS NOT NULL"),
            // 13: which entries changed a job, filed after the fact (JournalGuids) instead of an index on every
            // item: that index put a random page into every single write's commit (issue 22's ≥ 0.9× goal);
            // journal_guid_upto is the last item filed, the items after it are found by their ids
            List.of("CREATE TABLE journal_guid (guid TEXT NOT NULL, entry INTEGER NOT NULL,"
                            + " PRIMARY KEY (guid, entry)) WITHOUT ROWID",
                    "INSERT OR IGNORE INTO journal_guid (guid, entry) SELECT guid, entry FROM journal_item ORDER BY 1, 2",
                    "CREATE TABLE journal_guid_upto (item INTEGER NOT NULL)",
                    "INSERT INTO journal_guid_upto (item) SELECT coalesce(max(id), 0) FROM journal_item",
                    "DROP INDEX journal_item_guid"),
            // 14: an entry's first item in the entry's own row, so a single write adds one row (and its index
            // entry) to the journal instead of two (issue 22's >= 0.9x goal for single writes); its later items
            // stay in journal_item. Entries written before keep all their items there (guid NULL). The row's
            // item is filed under its GUID after the fact like the others: journal_guid_upto.entry is the last
            // entry whose own item was filed. And no index on every entry's time (journal_at), which put one
            // more page into every commit: the journal is in the order it was written, and journal_hour holds
            // the first entry written in each hour, a row an hour, to start a question by time from
            List.of("ALTER TABLE journal ADD COLUMN guid TEXT",
                    "ALTER TABLE journal ADD COLUMN before TEXT",
                    "ALTER TABLE journal ADD COLUMN after TEXT",
                    "ALTER TABLE journal ADD COLUMN outbox INTEGER",
                    "ALTER TABLE journal ADD COLUMN unmade TEXT",
                    "CREATE INDEX journal_outbox ON journal(outbox) WHERE outbox IS NOT NULL",
                    "ALTER TABLE journal_guid_upto ADD COLUMN entry INTEGER NOT NULL DEFAULT 0",
                    "UPDATE journal_guid_upto SET entry = (SELECT coalesce(max(id), 0) FROM journal)",
                    "DROP INDEX journal_at",
                    "CREATE TABLE journal_hour (hour TEXT PRIMARY KEY, first INTEGER NOT NULL) WITHOUT ROWID",
                    "INSERT INTO journal_hour (hour, first) SELECT substr(at, 1, 13), min(id) FROM journal GROUP BY 1"),
            // 15: the kept counts from the change log (issue 22's >= 0.8x raw for single writes). A change's
            // row in job_change now carries the counts' keys the job had (old_*) and has (new_*); the two
            // tallies are brought up to date from those rows once every 1,000 changes (job_change_fold, in
            // the 1,000th change's transaction) instead of in every write: a single write adds one row to the
            // end of the log and no longer touches a tally page or two of the day tally's. The counts as they
            // are now are the tallies plus the rows after job_tally_upto (job_tally_pending; job_tally_now and
            // job_tally_day_now): at most 1,000 rows to add, found by their sequence numbers
            List.of("ALTER TABLE job_change ADD COLUMN old_status INTEGER",
                    "ALTER TABLE job_change ADD COLUMN old_type INTEGER",
                    "ALTER TABLE job_change ADD COLUMN old_source TEXT",
                    "ALTER TABLE job_change ADD COLUMN old_robot INTEGER",
                    "ALTER TABLE job_change ADD COLUMN old_day TEXT",
                    "ALTER TABLE job_change ADD COLUMN new_status INTEGER",
                    "ALTER TABLE job_change ADD COLUMN new_type INTEGER",
                    "ALTER TABLE job_change ADD COLUMN new_source TEXT",
                    "ALTER TABLE job_change ADD COLUMN new_robot INTEGER",
                    "ALTER TABLE job_change ADD COLUMN new_day TEXT",
                    "CREATE TABLE job_tally_upto (seq INTEGER NOT NULL)",
                    "INSERT INTO job_tally_upto (seq) SELECT coalesce(max(seq), 0) FROM job_change",
                    "DROP TRIGGER job_tally_insert",
                    "DROP TRIGGER job_tally_update",
                    "DROP TRIGGER job_changed",
                    "DROP TRIGGER job_tally_delete",
                    "DROP TRIGGER job_change_prune",
                    """
                    CREATE TRIGGER job_tally_insert AFTER INSERT ON job
                    BEGIN
                      INSERT INTO job_change(guid, op, new_status, new_type, new_source, new_robot, new_day)
                      VALUES (new.guid, 'I', new.status, new.type, new.source, coalesce(new.robot_id, 0),
                              substr(new.created_at, 1, 10));
                    END""",
                    """
                    CREATE TRIGGER job_changed AFTER UPDATE ON job
                    BEGIN
                      INSERT INTO job_change(guid, op, old_status, old_type, old_source, old_robot, old_day,
                                             new_status, new_type, new_source, new_robot, new_day)
                      VALUES (new.guid, 'U', old.status, old.type, old.source, coalesce(old.robot_id, 0),
                              substr(old.created_at, 1, 10), new.status, new.type, new.source,
                              coalesce(new.robot_id, 0), substr(new.created_at, 1, 10));
                      INSERT INTO job_change(guid, op) SELECT old.guid, 'D' WHERE old.guid IS NOT new.guid;
                    END""",
                    """
                    CREATE TRIGGER job_tally_delete AFTER DELETE ON job
                    BEGIN
                      INSERT INTO job_change(guid, op, old_status, old_type, old_source, old_robot, old_day)
                      VALUES (old.guid, 'D', old.status, old.type, old.source, coalesce(old.robot_id, 0),
                              substr(old.created_at, 1, 10));
                    END""",
                    """
                    CREATE VIEW job_tally_pending AS
                    SELECT new_status AS status, new_type AS type, new_source AS source, new_robot AS robot,
                           new_day AS day, 1 AS n
                    FROM job_change WHERE seq > (SELECT seq FROM job_tally_upto) AND new_status IS NOT NULL
                    UNION ALL
                    SELECT old_status, old_type, old_source, old_robot, old_day, -1
                    FROM job_change WHERE seq > (SELECT seq FROM job_tally_upto) AND old_status IS NOT NULL""",
                    """
                    CREATE VIEW job_tally_now AS
                    SELECT status, type, source, robot, n FROM job_tally
                    UNION ALL SELECT status, type, source, robot, n FROM job_tally_pending""",
                    """
                    CREATE VIEW job_tally_day_now AS
                    SELECT day, status, type, source, n FROM job_tally_day
                    UNION ALL SELECT day, status, type, source, n FROM job_tally_pending""",
                    // the newest row is never deleted, so a change's number (the largest + 1) only grows and
                    // passes every multiple of 1,000: each fold takes the rows since the one before
                    """
                    CREATE TRIGGER job_change_fold AFTER INSERT ON job_change WHEN new.seq % 1000 = 0
                    BEGIN
                      INSERT INTO job_tally(status, type, source, robot, n)
                      SELECT status, type, source, robot, sum(n) FROM job_tally_pending WHERE true
                      GROUP BY status, type, source, robot HAVING sum(n) <> 0
                      ON CONFLICT DO UPDATE SET n = n + excluded.n;
                      INSERT INTO job_tally_day(day, status, type, source, n)
                      SELECT day, status, type, source, sum(n) FROM job_tally_pending WHERE true
                      GROUP BY day, status, type, source HAVING sum(n) <> 0
                      ON CONFLICT DO UPDATE SET n = n + excluded.n;
                      UPDATE job_tally_upto SET seq = new.seq;
                      DELETE FROM job_change WHERE seq <= new.seq - 10000;
                    END"""));

    /** The tables a store of ours has; a file holding other tables is someone else's database. */
    static final List<String> OWN_TABLES = List.of("job_status", "job_type", "job", "job_event", "job_seen", "outbox",
            "job_tally", "job_tally_day", "job_change", "job_tally_checked", "directory", "directory_stamp",
            "store_setting", "journal", "journal_item", "journal_guid", "journal_guid_upto", "journal_hour",
            "job_tally_upto");

    private Schema() {
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (\\w+)");

    /** The tables a store at schema {@code version} has (those its migrations created). */
    static Set<String> tablesAt(int version) {
        Set<String> tables = new HashSet<>();
        for (int v = 0; v < Math.min(version, MIGRATIONS.size()); v++) {
            for (String sql : MIGRATIONS.get(v)) {
                Matcher m = CREATE_TABLE.matcher(sql);
                if (m.find()) {
                    tables.add(m.group(1));
                }
            }
        }
        return tables;
    }
}
