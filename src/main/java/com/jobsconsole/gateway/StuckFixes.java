package com.jobsconsole.gateway;

import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.StuckJob;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Applies the attention rules' suggested fixes: each an ordinary status update, made only if the job still
 * has the status it was found stuck in ({@link JobGateway#updateStatusFrom}); a job changed meanwhile is not
 * touched. On a remote target the updates go through the outbox with its conflict rule.
 */
public final class StuckFixes {

    /** What became of one fix (a conflict: the orchestrator changed the job; the fix waits in Sync for a decision). */
    public enum Outcome { FIXED, CHANGED_MEANWHILE, CONFLICT, FAILED }

    /** One fix: the job as found, the status set, what became of it, and the failure if it failed. */
    public record Result(StuckJob stuck, int to, Outcome outcome, RuntimeException failure) {
    }

    private StuckFixes() {
    }

    /** The stuck jobs whose rule suggests a fix: what a fix would change. */
    public static List<StuckJob> fixable(List<StuckJob> stuck) {
        return stuck.stream().filter(s -> s.fix().isPresent()).toList();
    }

    /** Fixes {@code stuck} in order (those with no fix are left), telling {@code each} as it goes; stops when cancelled. */
    public static List<Result> apply(JobGateway gateway, List<StuckJob> stuck, BooleanSupplier cancelled,
                                     Consumer<Result> each) {
        List<Result> results = new ArrayList<>();
        JobJournal.record(gateway, JobJournal.Mark.of(JournalAction.ATTENTION_FIX, null),
                () -> fix(gateway, stuck, cancelled, each, results));
        return results;
    }

    private static void fix(JobGateway gateway, List<StuckJob> stuck, BooleanSupplier cancelled,
                            Consumer<Result> each, List<Result> results) {
        for (StuckJob s : fixable(stuck)) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            int to = s.fix().orElseThrow();
            Result r;
            try {
                boolean done = gateway.updateStatusFrom(s.job().guid(), s.job().status(), to);
                r = new Result(s, to, done ? Outcome.FIXED : Outcome.CHANGED_MEANWHILE, null);
            } catch (NotFoundException e) {
                r = new Result(s, to, Outcome.CHANGED_MEANWHILE, e); // deleted meanwhile
            } catch (ConflictException e) {
                r = new Result(s, to, Outcome.CONFLICT, e); // the orchestrator's copy changed: kept for a decision
            } catch (GatewayException e) {
                r = new Result(s, to, Outcome.FAILED, e);
            }
            results.add(r);
            each.accept(r);
        }
    }
}
