package com.jobsconsole.model;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * A filtered, sorted page of jobs. Empty sets mean "any"; a null prefix or time bound means "any".
 *
 * @param createdFrom jobs created at or after this moment
 * @param createdTo   jobs created before this moment
 */
public record JobQuery(Set<Integer> statuses, Set<Integer> types, Set<JobSource> sources, Set<Long> robots,
                       String guidPrefix, LocalDateTime createdFrom, LocalDateTime createdTo,
                       JobSort sort, boolean ascending, int limit, int offset) {

    public static final int MAX_LIMIT = 10_000;

    public JobQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        types = types == null ? Set.of() : Set.copyOf(types);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        robots = robots == null ? Set.of() : Set.copyOf(robots);
        sort = sort == null ? JobSort.CREATED_AT : sort;
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 0.." + MAX_LIMIT + ": " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    public JobQuery(Set<Integer> statuses, Set<Integer> types, Set<JobSource> sources, String guidPrefix,
                    JobSort sort, boolean ascending, int limit, int offset) {
        this(statuses, types, sources, Set.of(), guidPrefix, null, null, sort, ascending, limit, offset);
    }

    /** The newest jobs first, 100 to a page. */
    public static JobQuery all() {
        return new JobQuery(Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, JobSort.CREATED_AT, false, 100, 0);
    }

    public JobQuery withStatuses(Set<Integer> s) {
        return new JobQuery(s, types, sources, robots, guidPrefix, createdFrom, createdTo, sort, ascending, limit, offset);
    }

    public JobQuery withTypes(Set<Integer> t) {
        return new JobQuery(statuses, t, sources, robots, guidPrefix, createdFrom, createdTo, sort, ascending, limit, offset);
    }

    public JobQuery withSources(Set<JobSource> s) {
        return new JobQuery(statuses, types, s, robots, guidPrefix, createdFrom, createdTo, sort, ascending, limit, offset);
    }

    public JobQuery withRobots(Set<Long> r) {
        return new JobQuery(statuses, types, sources, r, guidPrefix, createdFrom, createdTo, sort, ascending, limit, offset);
    }

    public JobQuery withGuidPrefix(String prefix) {
        return new JobQuery(statuses, types, sources, robots, prefix, createdFrom, createdTo, sort, ascending, limit, offset);
    }

    public JobQuery createdBetween(LocalDateTime from, LocalDateTime to) {
        return new JobQuery(statuses, types, sources, robots, guidPrefix, from, to, sort, ascending, limit, offset);
    }

    public JobQuery sortedBy(JobSort s, boolean asc) {
        return new JobQuery(statuses, types, sources, robots, guidPrefix, createdFrom, createdTo, s, asc, limit, offset);
    }

    public JobQuery page(int newLimit, int newOffset) {
        return new JobQuery(statuses, types, sources, robots, guidPrefix, createdFrom, createdTo, sort, ascending,
                newLimit, newOffset);
    }

    /** The same filter with no paging or sorting: what counts are taken over. */
    public JobQuery filterOnly() {
        return new JobQuery(statuses, types, sources, robots, guidPrefix, createdFrom, createdTo, JobSort.CREATED_AT,
                false, 0, 0);
    }
}
