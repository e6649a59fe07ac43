package com.jobsconsole.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The status and type tables: the data every layer checks codes against. */
public final class ReferenceData {

    private final List<JobStatus> statuses;
    private final List<JobType> types;
    private final Map<Integer, JobStatus> statusByCode = new LinkedHashMap<>();
    private final Map<Integer, JobType> typeByCode = new LinkedHashMap<>();

    public ReferenceData(List<JobStatus> statuses, List<JobType> types) {
        this.statuses = List.copyOf(statuses);
        this.types = List.copyOf(types);
        for (JobStatus s : this.statuses) {
            if (statusByCode.put(s.code(), s) != null) {
                throw new IllegalArgumentException("status code " + s.code() + " is listed twice");
            }
        }
        for (JobType t : this.types) {
            if (typeByCode.put(t.code(), t) != null) {
                throw new IllegalArgumentException("type code " + t.code() + " is listed twice");
            }
        }
        for (JobStatus s : this.statuses) {
            for (Integer n : s.next()) {
                if (!statusByCode.containsKey(n)) {
                    throw new IllegalArgumentException("status " + s.code() + " names unknown successor " + n);
                }
            }
        }
        if (this.statuses.isEmpty() || this.types.isEmpty()) {
            throw new IllegalArgumentException("the status and type tables must not be empty");
        }
    }

    public List<JobStatus> statuses() {
        return statuses;
    }

    public List<JobType> types() {
        return types;
    }

    public Optional<JobStatus> status(int code) {
        return Optional.ofNullable(statusByCode.get(code));
    }

    public Optional<JobType> type(int code) {
        return Optional.ofNullable(typeByCode.get(code));
    }

    /** The status with this key (e.g. {@code STOPPING}), so code never names a status by its number. */
    public Optional<JobStatus> statusByKey(String key) {
        return statuses.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The type with this key (e.g. {@code ORCHESTRATED}). */
    public Optional<JobType> typeByKey(String key) {
        return types.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /**
     * Whether {@code from → to} is one of the usual transitions. Staying in the same status is
     * not a transition and counts as usual.
     */
    public boolean isUsualTransition(int from, int to) {
        if (from == to) {
            return true;
        }
        JobStatus f = statusByCode.get(from);
        return f != null && f.next().contains(to);
    }
}
