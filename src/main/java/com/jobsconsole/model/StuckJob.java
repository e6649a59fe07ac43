package com.jobsconsole.model;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A job an attention rule found stuck.
 *
 * @param since    when the job entered its status (from its history, else its {@code updated_at}); for the
 *                 stop-time rules when its {@code stop_after} / {@code abort_after} passed; for a long run when
 *                 it started
 * @param stuckFor how long ago {@code since} was
 * @param fromHistory whether {@code since} comes from the status history (else from {@code updated_at} or the job's times)
 * @param origin   who made the change into the status, when the history knows (null: not known)
 * @param usual    for {@link AttentionRule#RUNNING_LONG}: the version's usual duration; else null
 */
public record StuckJob(Job job, AttentionRule rule, LocalDateTime since, Duration stuckFor, boolean fromHistory,
                       ChangeOrigin origin, UsualDuration usual) {

    /** The status the rule's fix sets, if it suggests one. */
    public Optional<Integer> fix() {
        return rule.fix();
    }
}
