package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.JobJournal.Retention;
import com.jobsconsole.json.JobJson;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

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

    public long prune() {
        Retention r = retention();
        String cutoff = JobJson.formatTime(session.now().minusDays(r.days()));
        boolean due = session.call("journal", c -> {
            PreparedStatement any = session.statement("SELECT EXISTS (SELECT 1 FROM journal WHERE at < ?)"
                    + " OR EXISTS (SELECT id FROM journal ORDER BY id DESC LIMIT 1 OFFSET ?)");
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
            PreparedStatement items = session.statement("DELETE FROM journal_item WHERE entry IN "
                    + "(SELECT id FROM journal WHERE at < ? OR id <= ?)");
            items.setString(1, cutoff);
            items.setLong(2, keepAbove);
            items.executeUpdate();
            PreparedStatement entries = session.statement("DELETE FROM journal WHERE at < ? OR id <= ?");
            entries.setString(1, cutoff);
            entries.setLong(2, keepAbove);
            gone[0] = entries.executeUpdate();
            guids.pruned();
            return null;
        }));
        return gone[0];
    }
}
