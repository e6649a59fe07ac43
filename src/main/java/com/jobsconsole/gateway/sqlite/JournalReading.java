package com.jobsconsole.gateway.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.jobsconsole.gateway.JobJournal.Query;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.JournalEntry;
import com.jobsconsole.model.JournalItem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The journal read back: entries by a query, an entry's items with their before and after, undo and redo. */
final class JournalReading {

    private static final String ENTRY_COLUMNS = "j.id, j.at, j.os_user, j.target, j.action, j.detail, "
            + "(j.guid IS NOT NULL) + (SELECT count(*) FROM journal_item i WHERE i.entry = j.id), j.undoes, "
            + "CASE WHEN (SELECT u.undone_by FROM journal u WHERE u.id = j.undone_by) IS NULL THEN j.undone_by END";

    /** An entry that stands: not undone, or undone by an undo that was itself undone. */
    private static final String STANDING = "(j.undone_by IS NULL OR (SELECT u.undone_by FROM journal u"
            + " WHERE u.id = j.undone_by) IS NOT NULL)";

    /**
     * An entry's items in the order written: its first in its own row (schema 14; an entry written before has
     * none there), the rest in {@code journal_item}. The entry's id is bound twice, then the page's size and offset.
     */
    static final String ITEMS = "SELECT 0, guid, before, after, unmade FROM journal WHERE id = ? AND guid IS NOT NULL"
            + " UNION ALL SELECT id, guid, before, after, unmade FROM journal_item WHERE entry = ?"
            + " ORDER BY 1 LIMIT ? OFFSET ?";

    /**
     * No entry written at or after the time {@code param} (an SQL parameter) has a smaller id than this (the first
     * entry of its hour, or of a later hour): the journal has no index on the time, and this is where a question
     * by time starts.
     */
    static String firstSince(String param) {
        return "(SELECT coalesce(min(first), 9223372036854775807) FROM journal_hour WHERE hour >= substr(" + param
                + ", 1, 13))";
    }

    private final SqliteSession session;
    private final JournalGuids guids;

    JournalReading(SqliteSession session, JournalGuids guids) {
        this.session = session;
        this.guids = guids;
    }

    public List<JournalEntry> entries(Query q) {
        StringBuilder sql = new StringBuilder("SELECT " + ENTRY_COLUMNS + " FROM journal j WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.since() != null) {
            // from the first entry written in the hour of since or later (journal_hour), then by each one's time
            sql.append(" AND j.id >= ").append(firstSince("?")).append(" AND j.at >= ?");
            params.add(JobJson.formatTime(q.since()));
            params.add(JobJson.formatTime(q.since()));
        }
        if (q.until() != null) {
            sql.append(" AND j.at < ?");
            params.add(JobJson.formatTime(q.until()));
        }
        if (q.action() != null) {
            sql.append(" AND j.action = ?");
            params.add(q.action().code());
        }
        if (q.guid() != null) {
            guids.file(); // what was written since is found without it too, by a scan of those items
            sql.append(" AND j.id IN ").append(JournalGuids.ENTRIES_OF);
            params.add(q.guid().toString());
            params.add(q.guid().toString());
            params.add(q.guid().toString());
        }
        sql.append(" ORDER BY j.id DESC LIMIT ?");
        params.add(Math.max(0, q.limit()));
        return readEntries(sql.toString(), params);
    }

    public Optional<JournalEntry> entry(long id) {
        return readEntries("SELECT " + ENTRY_COLUMNS + " FROM journal j WHERE j.id = ?", List.of(id)).stream()
                .findFirst();
    }

    public Optional<JournalEntry> lastUndoable(String user) {
        // the newest standing entry that is not an undo (an undo's undo is a redo, asked for by its number):
        // one row, so one count of items
        return readEntries("SELECT " + ENTRY_COLUMNS + " FROM journal j WHERE j.os_user = ? AND j.action <> 'undo'"
                + " AND " + STANDING + " ORDER BY j.id DESC LIMIT 1", List.of(user)).stream().findFirst();
    }

    public Optional<JournalEntry> lastRedoable(String user) {
        // the newest standing entries, without their counts: past redos to the undo a redo would take back
        return session.call("journal", c -> {
            PreparedStatement ps = session.statement("SELECT j.id, j.action, j.detail FROM journal j"
                    + " WHERE j.os_user = ? AND " + STANDING + " ORDER BY j.id DESC LIMIT 200");
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!JournalAction.UNDO.code().equals(rs.getString(2))) {
                        return Optional.<Long>empty(); // a change made since: nothing to redo
                    }
                    String detail = rs.getString(3);
                    if (detail == null || !detail.startsWith(JournalEntry.REDO)) {
                        return Optional.of(rs.getLong(1)); // an undo that stands: redoing it takes it back
                    }
                }
            }
            return Optional.<Long>empty();
        }).flatMap(this::entry);
    }

    private List<JournalEntry> readEntries(String sql, List<Object> params) {
        return session.call("journal", c -> {
            List<JournalEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long undoes = rs.getLong(8);
                        Long undoesId = rs.wasNull() ? null : undoes;
                        long undoneBy = rs.getLong(9);
                        Long undoneById = rs.wasNull() ? null : undoneBy;
                        out.add(new JournalEntry(rs.getLong(1), JobRowMapper.time(rs.getString(2)), rs.getString(3),
                                rs.getString(4), JournalAction.of(rs.getString(5)).orElse(JournalAction.SET_STATUS),
                                rs.getString(6), rs.getLong(7), undoesId, undoneById));
                    }
                }
            }
            return out;
        });
    }

    public List<JournalItem> items(long entry, int offset, int limit) {
        return session.call("journal", c -> {
            List<JournalItem> out = new ArrayList<>();
            PreparedStatement ps = session.statement(ITEMS);
            ps.setLong(1, entry);
            ps.setLong(2, entry);
            ps.setInt(3, limit);
            ps.setInt(4, offset);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(item(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return out;
        });
    }

    private static JournalItem item(long id, UUID guid, String beforeJson, String afterJson, String unmade) {
        JsonNode before = tree(beforeJson);
        JsonNode after = tree(afterJson);
        Job deleted = null;
        List<JobEvent> history = List.of();
        if (before != null && before.has("row")) {
            JsonNode r = before.get("row");
            deleted = new Job(UUID.fromString(r.get(0).asText()), r.get(1).asInt(), r.get(2).asInt(),
                    JobSource.fromWire(r.get(3).asText()).orElse(JobSource.GUI), id(r.get(4)), id(r.get(5)),
                    id(r.get(6)), id(r.get(7)), id(r.get(8)), time(r.get(9)), time(r.get(10)), time(r.get(11)),
                    time(r.get(12)), time(r.get(13)), time(r.get(14)));
            history = new ArrayList<>();
            for (JsonNode e : before.path("history")) {
                history.add(new JobEvent(guid, time(e.get(0)), e.get(1).isNull() ? null : e.get(1).asInt(),
                        e.get(2).asInt(), e.get(3).isNull() ? null : ChangeOrigin.of(e.get(3).asText(), null)));
            }
        }
        return new JournalItem(id, guid, state(before), state(after), deleted, history, unmade);
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JobJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JournalItem.State state(JsonNode n) {
        if (n == null) {
            return null;
        }
        JsonNode status = n.get("status");
        return new JournalItem.State(status == null || status.isNull() ? null : status.asInt(), time(n.get("stop")),
                time(n.get("abort")));
    }

    private static Long id(JsonNode n) {
        return n == null || n.isNull() ? null : n.asLong();
    }

    private static LocalDateTime time(JsonNode n) {
        return n == null || n.isNull() ? null : JobRowMapper.time(n.asText());
    }

}
