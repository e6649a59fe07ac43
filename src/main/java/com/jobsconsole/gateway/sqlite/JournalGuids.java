package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Which journal entries changed a job. The journal's items are filed under their jobs' GUIDs after the fact
 * ({@code journal_guid}), many at once and in GUID order, not by an index on every item: such an index put a
 * page at a random place into the commit of every single write. The items written since the last filing
 * (after {@code journal_guid_upto}: the last item of {@code journal_item}, and the last entry, whose row holds
 * its first item) are found by their ids, so a reader is right whether or not they are filed.
 * Filing is done by the reader asking by GUID, never when a store opens (opening writes nothing: a dry run
 * leaves the file as it was), nor on a store marked read-only.
 */
final class JournalGuids {

    private static final Logger LOG = LoggerFactory.getLogger(JournalGuids.class);

    /**
     * The entries that changed the job {@code ?} (its GUID, bound three times): filed, and among the items
     * since (in {@code journal_item}, and an entry's first, in the entry's row).
     */
    static final String ENTRIES_OF = "(SELECT entry FROM journal_guid WHERE guid = ? UNION ALL SELECT entry"
            + " FROM journal_item WHERE id > (SELECT item FROM journal_guid_upto) AND guid = ? UNION ALL SELECT id"
            + " FROM journal WHERE id > (SELECT entry FROM journal_guid_upto) AND guid = ?)";

    /** The last item written in {@code journal_item} (0: none). */
    private static final String LAST_ITEM = "(SELECT coalesce(max(id), 0) FROM journal_item)";
    /** The last entry written, whose row holds its first item (0: none). */
    private static final String LAST_ENTRY = "(SELECT coalesce(max(id), 0) FROM journal)";

    private final SqliteSession session;

    JournalGuids(SqliteSession session) {
        this.session = session;
    }

    /**
     * Files the items written since the last filing, in one transaction. Nothing to file, or a store marked
     * read-only: no write. A store another program holds busy is filed next time (its readers are right
     * without it).
     */
    void file() {
        try {
            boolean behind = session.call("journal", c -> {
                // a store marked read-only is not written to, not even this bookkeeping: its readers scan
                try (ResultSet rs = session.statement("SELECT (" + LAST_ITEM + " > (SELECT item FROM journal_guid_upto)"
                        + " OR " + LAST_ENTRY + " > (SELECT entry FROM journal_guid_upto)) AND NOT "
                        + StoreMarksTable.MARKED_READ_ONLY).executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            });
            if (!behind) {
                return;
            }
            session.inTransaction(() -> session.call("journal", c -> {
                PreparedStatement file = session.statement("INSERT OR IGNORE INTO journal_guid (guid, entry)"
                        + " SELECT guid, entry FROM journal_item WHERE id > (SELECT item FROM journal_guid_upto)"
                        + " UNION ALL SELECT guid, id FROM journal WHERE id > (SELECT entry FROM journal_guid_upto)"
                        + " AND guid IS NOT NULL ORDER BY 1, 2");
                file.executeUpdate();
                session.statement("UPDATE journal_guid_upto SET item = " + LAST_ITEM + ", entry = " + LAST_ENTRY)
                        .executeUpdate();
                return null;
            }));
        } catch (UnavailableException e) {
            LOG.info("journal not filed by job now: {}", e.getMessage());
        }
    }

    /**
     * After the oldest entries were pruned (call inside the pruning transaction): their filings go, and when
     * no item is left, filing starts again from the first id the next item gets.
     */
    void pruned() {
        session.call("journal", c -> {
            session.statement("DELETE FROM journal_guid WHERE entry < coalesce((SELECT min(id) FROM journal),"
                    + " 9223372036854775807)").executeUpdate();
            session.statement("UPDATE journal_guid_upto SET item = min(item, " + LAST_ITEM + "), entry = min(entry, "
                    + LAST_ENTRY + ")").executeUpdate();
            return null;
        });
    }
}
