package com.jobsconsole.ui.attention;

import com.jobsconsole.gateway.JobAttention;
import com.jobsconsole.i18n.AttentionTexts;
import com.jobsconsole.model.AttentionRule;
import com.jobsconsole.model.AttentionRules;
import com.jobsconsole.ui.common.UiServices;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Needs attention window's Rules tab (View → Attention rules…): the thresholds of the active target,
 * checked and kept with it (the store file or the profile's cache).
 */
public final class AttentionRulesViewModel {

    /** A rule's threshold as the form edits it. */
    public record RuleRow(AttentionRule rule, String name, String tells, String unit, String fix,
                          StringProperty threshold) {
    }

    private final UiServices ui;
    private final AttentionTexts texts;
    private final Runnable onSaved;
    private final ObservableList<RuleRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** @param onSaved new thresholds were kept: the stuck jobs are looked for again */
    AttentionRulesViewModel(UiServices ui, AttentionTexts texts, Runnable onSaved) {
        this.ui = ui;
        this.texts = texts;
        this.onSaved = onSaved;
    }

    private Optional<JobAttention> attention() {
        return ui.gateway().capability(JobAttention.class);
    }

    /** Reads the target's thresholds into the form. */
    public void load() {
        Optional<JobAttention> attention = attention();
        if (attention.isEmpty()) {
            rows.clear();
            return;
        }
        ui.executor().execute(() -> attention.get().rules(), this::show, e -> message.set(ui.messages().describe(e)));
    }

    private void show(AttentionRules r) {
        List<RuleRow> all = new ArrayList<>();
        for (AttentionRule rule : AttentionRule.values()) {
            all.add(new RuleRow(rule, texts.name(rule), texts.tells(rule),
                    ui.messages().get(rule.isFactor() ? "attention.unit.factor" : "attention.unit.minutes"),
                    texts.fix(rule), new SimpleStringProperty(String.valueOf(r.threshold(rule)))));
        }
        rows.setAll(all);
        message.set("");
    }

    /** Keeps the form's thresholds with the target; a value that is not a whole number from 1 is said and nothing is kept. */
    public void save() {
        Optional<JobAttention> attention = attention();
        if (attention.isEmpty()) {
            return;
        }
        AttentionRules r = AttentionRules.defaults();
        for (RuleRow row : rows) {
            long value;
            try {
                value = Long.parseLong(row.threshold().get().strip());
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 1 || value > AttentionRules.MAX) {
                message.set(ui.messages().get("attention.rules.bad", row.name(), AttentionRules.MAX));
                return;
            }
            r = r.with(row.rule(), value);
        }
        AttentionRules toSave = r;
        ui.executor().execute(() -> {
            attention.get().saveRules(toSave);
            return toSave;
        }, saved -> {
            message.set(ui.messages().get("attention.rules.saved"));
            onSaved.run();
        }, e -> message.set(ui.messages().describe(e)));
    }

    /** Puts the defaults in the form (kept when saved). */
    public void defaults() {
        show(AttentionRules.defaults());
    }

    public ObservableList<RuleRow> rows() {
        return rows;
    }

    /** What became of the last save, or what is wrong with the form. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
