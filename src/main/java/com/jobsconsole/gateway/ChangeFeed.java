package com.jobsconsole.gateway;

import com.jobsconsole.model.JobQuery;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * A target that says <em>what</em> changed, not only that something did: every change to a job
 * (by this process, another one, or raw SQL) is numbered in the order committed, so Live reads again
 * only the changed jobs and what they touch. A store file and a remote profile's cache offer it
 * ({@link JobGateway#capability}).
 */
public interface ChangeFeed {

    /** The number of the newest change (0 when none was ever made). */
    long lastChange();

    /**
     * The jobs changed after change number {@code since}, at most {@code limit} changes; when more
     * changed, when the log no longer reaches back that far, or when a bulk insert was among them,
     * the answer says "everything" (read all that is shown again).
     */
    Changes changesSince(long since, int limit);

    /** Of these GUIDs, those whose jobs match {@code filter} now (paging and sorting ignored). */
    Set<UUID> matching(JobQuery filter, Collection<UUID> guids);

    /**
     * @param last       the number of the newest change read (the next call's {@code since})
     * @param guids      the jobs created, changed or deleted (empty with {@code everything})
     * @param everything too many or unknown changes: what is shown must be read again whole
     */
    record Changes(long last, Set<UUID> guids, boolean everything) {

        public Changes {
            guids = Set.copyOf(guids);
        }

        public static Changes all(long last) {
            return new Changes(last, Set.of(), true);
        }

        public boolean isEmpty() {
            return !everything && guids.isEmpty();
        }
    }
}
