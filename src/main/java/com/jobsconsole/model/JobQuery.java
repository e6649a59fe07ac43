package com.jobsconsole.model;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * A filtered, sorted page of jobs. Empty sets mean "any"; a null prefix or time bound means "any".
 *
 * @param createdFrom jobs created at or after this moment
 * @param createdTo   jobs created before this moment
 */
public record JobQuery(Set<Integer> statuses, Set<Integer> types, Set<JobSource> sources, Set<Long> robots,
                       String guidPrefix, LocalDateTime createdFrom, LocalDateTime createdTo,
                       JobSort sort, boolean ascending, int limit, int offset, Scope scope) {

    public static final int MAX_LIMIT = 10_000;

    /**
     * What a view that sums jobs up narrows the browser to (the Overview's numbers, Needs attention): process
     * versions, a window of completion or of start, or exactly some jobs. Empty sets and null bounds mean "any".
     */
    public record Scope(Set<Long> processVersions, LocalDateTime completedFrom, LocalDateTime completedTo,
                        LocalDateTime startedFrom, LocalDateTime startedTo, Set<UUID> guids) {

        public static final Scope NONE = new Scope(Set.of(), null, null, null, null, Set.of());

        public Scope {
            processVersions = processVersions == null ? Set.of() : Set.copyOf(processVersions);
            guids = guids == null ? Set.of() : Set.copyOf(guids);
        }

        public static Scope completed(LocalDateTime from, LocalDateTime to) {
            return new Scope(Set.of(), from, to, null, null, Set.of());
        }

        public static Scope started(LocalDateTime from, LocalDateTime to) {
            return new Scope(Set.of(), null, null, from, to, Set.of());
        }

        public static Scope jobs(Set<UUID> guids) {
            return new Scope(Set.of(), null, null, null, null, guids);
        }

        public Scope withProcessVersions(Set<Long> versions) {
            return new Scope(versions, completedFrom, completedTo, startedFrom, startedTo, guids);
        }

        /** Whether it narrows nothing. */
        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    public JobQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        types = types == null ? Set.of() : Set.copyOf(types);
        sources = sources == null ? Set.of() : Set.copyOf(sources);
        robots = robots == null ? Set.of() : Set.copyOf(robots);
        sort = sort == null ? JobSort.CREATED_AT : sort;
        scope = scope == null ? Scope.NONE : scope;
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 0.." + MAX_LIMIT + ": " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    public JobQuery(Set<Integer> statuses, Set<Integer> types, Set<JobSource> sources, Set<Long> robots,
                    String guidPrefix, LocalDateTime createdFrom, LocalDateTime createdTo,
                    JobSort sort, boolean ascending, int limit, int offset) {
        this(statuses, types, sources, robots, guidPrefix, createdFrom, createdTo, sort, ascending, limit, offset,
                Scope.NONE);
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
        return new JobQuery(s, types, sources, robots, guidPrefix, createdFrom, createdTo, sort, ascending, limit, offset, scope);
    }

    public JobQuery withTypes(Set<Integer> t) {
        return new JobQuery(statuses, t, sources, robots, guidPrefix, createdFrom, createdTo, sort, ascending, limit, offset, scope);
    }

    public JobQuery withSources(Set<JobSource> s) {
        return new JobQuery(statuses, types, s, robots, guidPrefix, createdFrom, createdTo, sort, ascending, limit, offset, scope);
    }

    public JobQuery withRobots(Set<Long> r) {
        return new JobQuery(statuses, types, sources, r, guidPrefix, createdFrom, createdTo, sort, ascending, limit, offset, scope);
    }

    public JobQuery withGuidPrefix(String prefix) {
        return new JobQuery(statuses, types, sources, robots, prefix, createdFrom, createdTo, sort, ascending, limit, offset, scope);
    }

    public JobQuery withScope(Scope s) {
        return new JobQuery(statuses, types, sources, robots, guidPrefix, createdFrom, createdTo, sort, ascending, limit, offset, s);
    }

    public JobQuery createdBetween(LocalDateTime from, LocalDateTime to) {
        return new JobQuery(statuses, types, sources, robots, guidPrefix, from, to, sort, ascending, limit, offset, scope);
    }

    public JobQuery sortedBy(JobSort s, boolean asc) {
        return new JobQuery(statuses, types, sources, robots, guidPrefix, createdFrom, createdTo, s, asc, limit, offset, scope);
    }

    public JobQuery page(int newLimit, int newOffset) {
        return new JobQuery(statuses, types, sources, robots, guidPrefix, createdFrom, createdTo, sort, ascending,
                newLimit, newOffset, scope);
    }

    /** The same filter with no paging or sorting: what counts are taken over. */
    public JobQuery filterOnly() {
        return new JobQuery(statuses, types, sources, robots, guidPrefix, createdFrom, createdTo, JobSort.CREATED_AT,
                false, 0, 0, scope);
    }
}
