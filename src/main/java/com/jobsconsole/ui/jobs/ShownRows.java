package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.ChangeFeed;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a live refresh of the browser reads, off the FX thread: the match count and, only when the
 * changes can move what is on screen, the pages on screen again. {@link #NOTHING}: no changed job is
 * on screen or in the filter; {@link #COUNTS}: some are in the filter but off screen, in an order
 * they keep their place in, so only the filter's counts moved.
 *
 * @param total the filter's match count now
 * @param pages the pages on screen, read again
 */
record ShownRows(long total, Map<Integer, List<Job>> pages) {

    static final ShownRows NOTHING = new ShownRows(-1, Map.of());
    static final ShownRows COUNTS = new ShownRows(-2, Map.of());

    /**
     * @param held      the jobs the rows hold now
     * @param shownTotal the match count the rows show
     * @param changed   the jobs that changed (null: unknown, read the pages again)
     */
    static ShownRows read(JobGateway g, Optional<ChangeFeed> feed, JobQuery q, List<Integer> pages, Set<UUID> held,
                          long shownTotal, Set<UUID> changed) {
        long total = g.query(q.page(0, 0)).total();
        boolean rowsMove = changed == null || feed.isEmpty() || total != shownTotal
                || changed.stream().anyMatch(held::contains);
        if (!rowsMove) {
            if (feed.get().matching(q.filterOnly(), changed).isEmpty()) {
                return NOTHING; // outside the filter and off screen: nothing shown moved
            }
            if (!q.sort().movesOnUpdate()) {
                return COUNTS; // in the filter but off screen, and the order keeps their place
            }
        }
        Map<Integer, List<Job>> fresh = new LinkedHashMap<>();
        for (int p : pages) {
            fresh.put(p, g.page(q.page(PagedJobList.PAGE_SIZE, p * PagedJobList.PAGE_SIZE)));
        }
        return new ShownRows(total, fresh);
    }
}
