package com.jobsconsole.model;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One job's change within a journal entry, before and after.
 *
 * @param before    the status and stop times before; null for a job the change created
 * @param after     the status and stop times after; null for a job the change deleted
 * @param deleted   a deleted job as it was (every field), with its status history ({@code history})
 * @param unmade    why the change did not take effect after all (an orchestrator refused it, the user
 *                  discarded it in a conflict), or null when it stands
 */
public record JournalItem(long id, UUID guid, State before, State after, Job deleted, List<JobEvent> history,
                          String unmade) {

    /** A job's journaled state: its status and stop times. */
    public record State(Integer status, LocalDateTime stopAfter, LocalDateTime abortAfter) {

        public boolean sameStopTimes(State other) {
            return other != null && Objects.equals(stopAfter, other.stopAfter)
                    && Objects.equals(abortAfter, other.abortAfter);
        }
    }

    public boolean created() {
        return before == null && after != null;
    }

    public boolean removed() {
        return after == null;
    }

    public boolean made() {
        return unmade == null;
    }

    public boolean statusChanged() {
        return before != null && after != null && !Objects.equals(before.status(), after.status());
    }

    public boolean stopTimesChanged() {
        return before != null && after != null && !before.sameStopTimes(after);
    }
}
