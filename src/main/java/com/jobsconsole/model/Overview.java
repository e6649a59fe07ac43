package com.jobsconsole.model;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What happened in a time window [from, to) and what is happening now.
 *
 * @param now        how many jobs have each status now (running, pending, …), by status code
 * @param finished   how many jobs entered each final status in the window (by {@code completed_at}), by code
 * @param processes  the process versions with the highest failure rate among those that finished jobs in the window
 *                   (at most 10)
 * @param robots     the robots that started the most jobs in the window (at most 10)
 * @param hours      per hour of the window ("yyyy-MM-dd HH"), oldest first: jobs finished and failed in it
 */
public record Overview(LocalDateTime from, LocalDateTime to, Map<Integer, Long> now, Map<Integer, Long> finished,
                       List<ProcessFailures> processes, List<RobotLoad> robots, List<Hour> hours) {

    /** How many top processes and robots are listed. */
    public static final int TOP = 10;
    public static final int FAILED = 5;

    /** Jobs that finished in the window, all final statuses together. */
    public long finishedTotal() {
        return finished.values().stream().mapToLong(Long::longValue).sum();
    }

    public long finishedWith(int status) {
        return finished.getOrDefault(status, 0L);
    }

    public long nowWith(int status) {
        return now.getOrDefault(status, 0L);
    }

    /** A process version's jobs finished in the window and how many of them failed. */
    public record ProcessFailures(long processVersionId, long finished, long failed) {
        public double rate() {
            return finished == 0 ? 0 : (double) failed / finished;
        }
    }

    /** A robot's jobs started in the window. */
    public record RobotLoad(long robotId, long started) {
    }

    /** An hour's jobs finished and failed. */
    public record Hour(String hour, long finished, long failed) {
    }
}
