package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.JobJournal.Retention;
import com.jobsconsole.json.JobJson;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How much of the journal is kept ({@code store_setting}: {@code journal.days}, {@code journal.entries}) and its pruning. */
final class JournalRetention {

    private final SqliteSession session;
    private final JournalGuids guids;

    JournalRetention(SqliteSession session, JournalGuids guids) {
        this.session = session;
        this.guids = guids;
    }

    public Retention retention() {
        return session.call("journal", c -> {
            int days = Retention.DEFAULT.days();
            long entries = Retention.DEFAULT.entries();
            try (ResultSet rs = session.statement(
                    "SELECT key, value FROM store_setting WHERE key LIKE 'journal.%'").executeQuery()) {
                while (rs.next()) {
                    try {
                        switch (rs.getString(1)) {
                            case "journal.days" -> days = Integer.parseInt(rs.getString(2));
                            case "journal.entries" -> entries = Long.parseLong(rs.getString(2));
                            default -> { }
                        }
                    } catch (NumberFormatException e) {
                        // another program's value: the default stands
                    }
                }
            }
            return new Retention(Math.max(1, days), Math.max(1, entries));
        });
    }

    public void setRetention(Retention r) {
        session.inTransaction(() -> session.call("journal", c -> {
            PreparedStatement put = session.statement("INSERT OR REPLACE INTO store_setting (key, value) VALUES (?, ?)");
            put.setString(1, "journal.days");
            put.setString(2, Integer.toString(r.days()));
            put.executeUpdate();
            put.setString(1, "journal.entries");
            put.setString(2, Long.toString(r.entries()));
            put.executeUpdate();
            return null;
        }));
        prune();
    }

    /** The entries pruned: the cutoff ({@code ?1}) and the last id beyond the count ({@code ?2}) bound. */
    private static final String PRUNED = "id < max(" + JournalReading.firstSince("?1")
            + ", ?2 + 1) AND (at < ?1 OR id <= ?2)";

    private static void bind(PreparedStatement ps, String cutoff, long keepAbove) throws SQLException {
        ps.setString(1, cutoff);
        ps.setLong(2, keepAbove);
    }

    public long prune() {
        Retention r = retention();
        String cutoff = JobJson.formatTime(session.now().minusDays(r.days()));
        boolean due = session.call("journal", c -> {
            // an entry written in an hour before the cutoff's (journal_hour: the journal has no index on the
            // time), or more entries than are kept
            PreparedStatement any = session.statement("SELECT EXISTS (SELECT 1 FROM journal_hour"
                    + " WHERE hour < substr(?, 1, 13)) OR EXISTS (SELECT id FROM journal ORDER BY id DESC LIMIT 1 OFFSET ?)");
            any.setString(1, cutoff);
            any.setLong(2, r.entries());
            try (ResultSet rs = any.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
        if (!due) {
            return 0; // nothing to prune: no write (a store another program is writing opens all the same)
        }
        long[] gone = {0};
        session.inTransaction(() -> session.call("journal", c -> {
            PreparedStatement oldest = session.statement("SELECT id FROM journal ORDER BY id DESC LIMIT 1 OFFSET ?");
            oldest.setLong(1, r.entries());
            long keepAbove = 0;
            try (ResultSet rs = oldest.executeQuery()) {
                if (rs.next()) {
                    keepAbove = rs.getLong(1);
                }
            }
            // older than the cutoff: among the entries written before the first one of the cutoff's hour, those
            // whose time is before it (an entry after it written while the clock was set back stays until the
            // count prunes it); and beyond the count, the oldest
            PreparedStatement items = session.statement("DELETE FROM journal_item WHERE entry IN (SELECT id FROM journal"
                    + " WHERE " + PRUNED + ")");
            bind(items, cutoff, keepAbove);
            items.executeUpdate();
            PreparedStatement entries = session.statement("DELETE FROM journal WHERE " + PRUNED);
            bind(entries, cutoff, keepAbove);
            gone[0] = entries.executeUpdate();
            // the hours before the cutoff's, and those none of whose entries are left (so an entry id used again
            // after the journal was emptied is filed under its hour anew)
            PreparedStatement hours = session.statement("DELETE FROM journal_hour WHERE hour < substr(?, 1, 13)"
                    + " OR first > (SELECT coalesce(max(id), 0) FROM journal)");
            hours.setString(1, cutoff);
            hours.executeUpdate();
            guids.pruned();
            return null;
        }));
        return gone[0];
    }
}
