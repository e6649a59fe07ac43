package com.jobsconsole.model;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The thresholds of the attention rules a store or profile uses: the defaults, with the ones its user
 * changed ({@link AttentionRule#defaultThreshold}: minutes, or a multiple of the p95). Kept in the store
 * file (or the profile's cache), so the window, the command line and {@code serve} agree.
 */
public final class AttentionRules {

    /** The most a threshold may be: a year in minutes (and far beyond any sensible multiple). */
    public static final long MAX = 366L * 24 * 60;

    private final Map<AttentionRule, Long> thresholds;

    private AttentionRules(Map<AttentionRule, Long> thresholds) {
        this.thresholds = thresholds;
    }

    /** The rules as JOB_API.md gives them. */
    public static AttentionRules defaults() {
        return new AttentionRules(new EnumMap<>(AttentionRule.class));
    }

    /** The rule's threshold: minutes, or a multiple of the p95 for {@link AttentionRule#RUNNING_LONG}. */
    public long threshold(AttentionRule rule) {
        return thresholds.getOrDefault(rule, rule.defaultThreshold());
    }

    /** These rules with one threshold changed; at least 1 and at most {@link #MAX}, else an IllegalArgumentException. */
    public AttentionRules with(AttentionRule rule, long threshold) {
        if (threshold < 1 || threshold > MAX) {
            throw new IllegalArgumentException("threshold out of range: " + threshold);
        }
        Map<AttentionRule, Long> copy = new EnumMap<>(AttentionRule.class);
        copy.putAll(thresholds);
        if (threshold == rule.defaultThreshold()) {
            copy.remove(rule);
        } else {
            copy.put(rule, threshold);
        }
        return new AttentionRules(copy);
    }

    /** Every rule's threshold by key, in the rules' order (as the store keeps it and JSON shows it). */
    public Map<String, Long> byKey() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (AttentionRule r : AttentionRule.values()) {
            out.put(r.key(), threshold(r));
        }
        return out;
    }

    /** Rules from stored thresholds by key; unknown keys and values out of range are left at the default. */
    public static AttentionRules fromKeys(Map<String, Long> stored) {
        AttentionRules rules = defaults();
        for (var e : stored.entrySet()) {
            var rule = AttentionRule.byKey(e.getKey());
            if (rule.isPresent() && e.getValue() != null && e.getValue() >= 1 && e.getValue() <= MAX) {
                rules = rules.with(rule.get(), e.getValue());
            }
        }
        return rules;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttentionRules r && byKey().equals(r.byKey());
    }

    @Override
    public int hashCode() {
        return byKey().hashCode();
    }

    @Override
    public String toString() {
        return byKey().toString();
    }
}
