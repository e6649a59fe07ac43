package com.jobsconsole.i18n;

import com.jobsconsole.model.AttentionRule;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.model.StuckJob;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The attention rules and stuck jobs in words, for the window and the command line. */
public final class AttentionTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Messages messages;
    private final ReferenceData reference;

    public AttentionTexts(Messages messages, ReferenceData reference) {
        this.messages = messages;
        this.reference = reference;
    }

    /** "Stop ignored". */
    public String name(AttentionRule rule) {
        return messages.get("attention.rule." + rule.key());
    }

    /** What the rule tells the user: "a soft stop was requested and the robot did not finish". */
    public String tells(AttentionRule rule) {
        return messages.get("attention.tells." + rule.key());
    }

    /** The threshold as the settings show it: "30 min" or "3 × p95". */
    public String threshold(AttentionRule rule, long value) {
        return rule.isFactor() ? messages.get("attention.threshold.factor", value)
                : messages.get("attention.threshold.minutes", value);
    }

    /** The fix in words: "abort: set 2 — Aborting", or "none: review". */
    public String fix(AttentionRule rule) {
        return rule.fix().map(code -> messages.get("attention.fix." + rule.key(),
                messages.label(reference, code)))
                .orElse(messages.get("attention.fix.none"));
    }

    /** Why the job is stuck, in words: "Stopping for 2 h 14 min; the stop was requested at 10:05 from this console." */
    public String reason(StuckJob s, LocalDateTime now) {
        String status = reference.status(s.job().status()).map(st -> messages.text(st.name()))
                .orElse(String.valueOf(s.job().status()));
        String since = when(s.since(), now);
        String how = s.rule() == AttentionRule.RUNNING_LONG || s.rule() == AttentionRule.PAST_STOP_TIME
                || s.rule() == AttentionRule.PAST_ABORT_TIME ? ""
                : !s.fromHistory() ? messages.get("attention.how.updated")
                : s.origin() == null || s.origin() == ChangeOrigin.OTHER_PROGRAM ? ""
                : " " + messages.get("job.origin." + s.origin().name().toLowerCase(Locale.ROOT));
        if (s.rule() == AttentionRule.RUNNING_LONG && s.usual() != null) {
            return messages.get("attention.reason.running-long", messages.duration(s.stuckFor()),
                    messages.duration(s.usual().p95()), s.usual().runs());
        }
        return messages.get("attention.reason." + s.rule().key(), status, messages.duration(s.stuckFor()), since, how);
    }

    /** "10:05" today, "2026-12-03 10:05" before. */
    private static String when(LocalDateTime t, LocalDateTime now) {
        return t.toLocalDate().equals(now.toLocalDate()) ? TIME.format(t) : DAY_TIME.format(t);
    }
}
