package com.jobsconsole.model;

import java.util.Set;

/**
 * A filtered, sorted page of jobs. Empty sets mean "any"; a null prefix means "any GUID".
 */
public record JobQuery(Set<Integer> statuses, Set<Integer> types, Set<JobSource> sources,
                       String guidPrefix, JobSort sort, boolean ascending, int limit, int offset) {

    public static final int MAX_LIMIT = 10_000;

    public JobQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        types = types == null ? Set.of() : Set.copyOf(types);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        sort = sort == null ? JobSort.CREATED_AT : sort;
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 0.." + MAX_LIMIT + ": " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    /** The newest jobs first, 100 to a page. */
    public static JobQuery all() {
        return new JobQuery(Set.of(), Set.of(), Set.of(), null, JobSort.CREATED_AT, false, 100, 0);
    }

    public JobQuery withStatuses(Set<Integer> s) {
        return new JobQuery(s, types, sources, guidPrefix, sort, ascending, limit, offset);
    }

    public JobQuery withTypes(Set<Integer> t) {
        return new JobQuery(statuses, t, sources, guidPrefix, sort, ascending, limit, offset);
    }

    public JobQuery withSources(Set<JobSource> s) {
        return new JobQuery(statuses, types, s, guidPrefix, sort, ascending, limit, offset);
    }

    public JobQuery withGuidPrefix(String prefix) {
        return new JobQuery(statuses, types, sources, prefix, sort, ascending, limit, offset);
    }

    public JobQuery sortedBy(JobSort s, boolean asc) {
        return new JobQuery(statuses, types, sources, guidPrefix, s, asc, limit, offset);
    }

    public JobQuery page(int newLimit, int newOffset) {
        return new JobQuery(statuses, types, sources, guidPrefix, sort, ascending, newLimit, newOffset);
    }
}
