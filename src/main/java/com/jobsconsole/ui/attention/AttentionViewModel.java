package com.jobsconsole.ui.attention;

import com.jobsconsole.ui.common.Undo;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.JobAttention;
import com.jobsconsole.gateway.StuckFixes;
import com.jobsconsole.gateway.StuckScan;
import com.jobsconsole.i18n.AttentionTexts;
import com.jobsconsole.model.AttentionRule;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.StuckJob;
import com.jobsconsole.ui.common.DialogService.PlannedChange;
import com.jobsconsole.ui.common.TargetGuard;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.WindowKind;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * View → Needs attention: the jobs the attention rules find stuck, grouped by rule, each with its reason
 * in words; Fix for the chosen jobs, a group or all of them, always after a preview of every change and a
 * confirmation; the rules' thresholds, kept with the store or profile. The count shows in the status bar
 * and beside the status table. It looks again when something changes (Live, the console's own writes,
 * another target) and when the next job would become stuck — not on a timer while nothing is due — and a
 * job that becomes stuck raises a notification (which can be turned off). The Rules tab is
 * {@link AttentionRulesViewModel}.
 */
public final class AttentionViewModel {

    /** How many jobs of each rule the window lists at most (the longest stuck); the rest are counted. */
    public static final int LISTED = 1_000;

    public static final WindowKind<AttentionViewModel> WINDOW = new WindowKind<>("attention", "attention.window.title",
            false, 1200, 660);

    /** A rule and how many jobs it found; the first group (rule null) is all of them. */
    public record Group(AttentionRule rule, String label, String tells, int count) {
    }

    private final UiServices ui;
    private final Clock clock;
    private final Supplier<Names> names;
    private final Consumer<UUID> openJob;
    private final AttentionTexts texts;
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper groupFix = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringProperty writesRefused;
    private final BooleanProperty notifications = new SimpleBooleanProperty(true);
    private final BooleanProperty rulesWanted = new SimpleBooleanProperty();
    private final ObservableList<StuckItemViewModel> all = FXCollections.observableArrayList();
    private final ObservableList<StuckItemViewModel> shown = FXCollections.observableArrayList();
    private final ObservableList<Group> groups = FXCollections.observableArrayList();
    private final ObjectProperty<Group> group = new SimpleObjectProperty<>();
    private final ObservableList<StuckItemViewModel> chosen = FXCollections.observableArrayList();
    private final AttentionRulesViewModel rules;
    /** The jobs stuck at the last look (null: no look yet on this target): a job new to it is notified. */
    private Set<UUID> known;
    private LocalDateTime nextDue;
    private boolean looking;
    private boolean lookAgain;
    /** Live saw a change since the last look. */
    private boolean liveDirty;
    private LocalDateTime lastLook;
    private volatile long lastScanNanos;
    /** The least wait between looks that Live's changes ask for. */
    static final Duration LIVE_MIN_WAIT = Duration.ofMinutes(1);
    /** How many times the last look's cost Live waits before the next. */
    static final int LIVE_BUDGET_FACTOR = 50;

    /**
     * @param names   the directory's names as the browser has them
     * @param openJob opens a job's window
     */
    public AttentionViewModel(UiServices ui, Clock clock, Supplier<Names> names, Consumer<UUID> openJob) {
        this.ui = ui;
        this.clock = clock;
        this.names = names;
        this.openJob = openJob;
        this.texts = new AttentionTexts(ui.messages(), ui.reference());
        this.rules = new AttentionRulesViewModel(ui, texts, this::changed);
        this.writesRefused = TargetGuard.refusalOf(ui.gateway(), ui.messages());
        group.addListener((o, a, b) -> showGroup());
        ui.gateway().onSwitch(g -> {
            known = null;
            nextDue = null;
            changed();
        });
    }

    private Optional<JobAttention> attention() {
        return ui.gateway().capability(JobAttention.class);
    }

    /** Opens the window on the stuck jobs. */
    public void show() {
        rulesWanted.set(false);
        ui.windows().open(WINDOW, this, () -> { });
        rules.load();
        changed();
    }

    /** Opens the window on the rules' thresholds (View → Attention rules…). */
    public void showRules() {
        show();
        rulesWanted.set(true);
    }

    /** Something changed (Live, a write of the console's, another target): looks again now. */
    public void changed() {
        if (looking) {
            lookAgain = true; // the look under way may have missed it
            return;
        }
        Optional<JobAttention> attention = attention();
        available.set(attention.isPresent());
        if (attention.isEmpty()) {
            apply(new StuckScan(List.of(), Map.of(), null));
            return;
        }
        looking = true;
        liveDirty = false;
        ui.executor().execute(() -> {
            long start = System.nanoTime();
            StuckScan scan = attention.get().scan(attention.get().rules(), LISTED);
            lastScanNanos = System.nanoTime() - start;
            return scan;
        }, scan -> {
            looking = false;
            lastLook = LocalDateTime.now(clock);
            apply(scan);
            if (lookAgain) {
                lookAgain = false;
                changed();
            }
        }, e -> {
            looking = false;
            message.set(ui.messages().describe(e));
        });
    }

    /** The periodic tick: looks again only when the last look said a job would become stuck by now. */
    public void tick() {
        LocalDateTime now = LocalDateTime.now(clock);
        if (nextDue != null && !now.isBefore(nextDue)) {
            changed();
        } else if (liveDirty && (lastLook == null || !now.isBefore(lastLook.plus(liveBudget())))) {
            changed();
        }
    }

    /**
     * Live saw jobs change that the console did not change: looked at again at the next tick once a while has
     * passed since the last look — at least a minute, and fifty times what the last look took — so that Live on
     * a busy store costs what its changes cost, whatever the store holds (a stuck job waits tens of minutes to
     * be stuck: a minute late is no loss).
     */
    public void liveChanged() {
        liveDirty = true;
    }

    private Duration liveBudget() {
        Duration fifty = Duration.ofNanos(lastScanNanos).multipliedBy(LIVE_BUDGET_FACTOR);
        return fifty.compareTo(LIVE_MIN_WAIT) > 0 ? fifty : LIVE_MIN_WAIT;
    }

    /** When the last look said the next job would become stuck (null: none would, while nothing changes). */
    public LocalDateTime nextDue() {
        return nextDue;
    }

    private void apply(StuckScan scan) {
        nextDue = scan.nextDue();
        Names n = names.get();
        LocalDateTime now = LocalDateTime.now(clock);
        List<StuckItemViewModel> items = new ArrayList<>();
        for (StuckJob s : scan.stuck()) {
            items.add(new StuckItemViewModel(s, texts.name(s.rule()), s.job().guid().toString(),
                    ui.messages().label(ui.reference(), s.job().status()),
                    texts.reason(s, now), n.robot(s.job().robotId()), n.processVersion(s.job().processVersionId()),
                    texts.fix(s.rule())));
        }
        Set<UUID> guids = new HashSet<>();
        items.forEach(i -> guids.add(i.jobGuid()));
        if (known != null && notifications.get()) {
            for (StuckItemViewModel i : items) {
                if (!known.contains(i.jobGuid())) {
                    ui.dialogs().notifyProblem(ui.messages().get("attention.notify.title", i.rule()),
                            ui.messages().get("attention.notify.text", i.guid(), i.reason()), () -> openJob.accept(i.jobGuid()));
                }
            }
        }
        known = guids;
        all.setAll(items);
        int total = scan.total();
        count.set(total);
        countText.set(total == 0 ? "" : ui.messages().get("attention.count", total));
        headline.set(total == 0 ? ui.messages().get("attention.none")
                : scan.truncated() ? ui.messages().get("attention.headlineListed", total, LISTED)
                : ui.messages().get("attention.headline", total));
        AttentionRule was = group.get() == null ? null : group.get().rule();
        List<Group> g = new ArrayList<>();
        g.add(new Group(null, ui.messages().get("attention.group.all", total), "", total));
        for (AttentionRule r : AttentionRule.values()) {
            int c = scan.counts().getOrDefault(r, 0);
            g.add(new Group(r, ui.messages().get("attention.group", texts.name(r), c), texts.tells(r), c));
        }
        groups.setAll(g);
        group.set(g.stream().filter(x -> x.rule() == was).findFirst().orElse(g.get(0)));
        showGroup();
        message.set(items.isEmpty() ? ui.messages().get("attention.none") : "");
    }

    private void showGroup() {
        AttentionRule r = group.get() == null ? null : group.get().rule();
        shown.setAll(all.stream().filter(i -> r == null || i.stuck().rule() == r).toList());
        groupFix.set(r == null ? ui.messages().get("attention.fix.each")
                : ui.messages().get("attention.fix.rule", texts.tells(r), texts.fix(r)));
    }

    // ---- fixes ----

    /** Fixes the jobs chosen in the list. */
    public void fixChosen() {
        fix(List.copyOf(chosen));
    }

    /** Fixes the jobs of the group shown. */
    public void fixGroup() {
        fix(List.copyOf(shown));
    }

    /** Fixes every stuck job whose rule suggests a fix. */
    public void fixAll() {
        fix(List.copyOf(all));
    }

    private void fix(List<StuckItemViewModel> items) {
        List<StuckItemViewModel> fixable = items.stream().filter(i -> i.stuck().fix().isPresent()).toList();
        if (fixable.isEmpty()) {
            ui.dialogs().showInfo(ui.messages().get("attention.window.title"), ui.messages().get("attention.fix.nothing"),
                    ui.messages().get("attention.fix.nothing.text"));
            return;
        }
        List<PlannedChange> changes = fixable.stream().map(i -> new PlannedChange(i.guid(), i.status(),
                ui.messages().label(ui.reference(), i.stuck().fix().orElseThrow()),
                i.rule() + " \u00b7 " + i.robot() + " \u00b7 " + i.process())).toList();
        int review = items.size() - fixable.size();
        if (!ui.dialogs().confirmChanges(ui.messages().get("attention.fix.title"),
                review == 0 ? ui.messages().get("attention.fix.headerAll", fixable.size())
                        : ui.messages().get("attention.fix.header", fixable.size(), review), "", changes,
                ui.messages().get("attention.fix.confirm", fixable.size()))
                || !TargetGuard.mayChange(ui, fixable.size(), false)) {
            return;
        }
        busy.set(true);
        var gateway = ui.gateway().get();
        List<StuckJob> jobs = fixable.stream().map(StuckItemViewModel::stuck).toList();
        ui.executor().execute(() -> {
            // one journal entry (StuckFixes' own, joined here to learn its number for the note's Undo link)
            List<List<StuckFixes.Result>> out = new ArrayList<>();
            Optional<Long> entry = JobJournal.record(gateway, JobJournal.Mark.of(JournalAction.ATTENTION_FIX, null),
                    () -> out.add(StuckFixes.apply(gateway, jobs, () -> false, r -> { })));
            return new Fixed(out.get(0), entry);
        }, fixedNow -> {
            List<StuckFixes.Result> results = fixedNow.results();
            busy.set(false);
            long fixed = results.stream().filter(r -> r.outcome() == StuckFixes.Outcome.FIXED).count();
            long meanwhile = results.stream().filter(r -> r.outcome() == StuckFixes.Outcome.CHANGED_MEANWHILE).count();
            long conflicts = results.stream().filter(r -> r.outcome() == StuckFixes.Outcome.CONFLICT).count();
            List<String> failures = results.stream().filter(r -> r.outcome() == StuckFixes.Outcome.FAILED)
                    .map(r -> r.stuck().job().guid() + ": " + ui.messages().describe(r.failure())).toList();
            StringBuilder text = new StringBuilder(ui.messages().get("attention.fix.done", fixed));
            if (meanwhile > 0) {
                text.append(' ').append(ui.messages().get("attention.fix.meanwhile", meanwhile));
            }
            if (conflicts > 0) {
                text.append(' ').append(ui.messages().get("attention.fix.conflicts", conflicts));
            }
            if (!failures.isEmpty()) {
                text.append(' ').append(ui.messages().get("attention.fix.failed", failures.size()));
            }
            message.set(text.toString());
            if (failures.isEmpty()) {
                new Undo(ui).notifyChange(text.toString(), fixedNow.entry());
            } else {
                ui.dialogs().showError(ui.messages().get("attention.fix.title"), text + "\n" + String.join("\n", failures));
            }
            ui.gateway().changed(); // the browser, the counts, and this list look again
        }, e -> {
            busy.set(false);
            ui.dialogs().showError(ui.messages().get("attention.fix.title"), ui.messages().describe(e));
        });
    }

    /** Opens the chosen job's window. */
    public void openChosen() {
        if (!chosen.isEmpty()) {
            openJob.accept(chosen.get(0).jobGuid());
        }
    }

    // ---- what the views bind to ----

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** The window's headline: how many jobs need attention. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** What the group shown means and the fix its rule suggests. */
    public ReadOnlyStringProperty groupFixProperty() {
        return groupFix.getReadOnlyProperty();
    }

    /** "7 need attention", or empty when none does. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the target refuses writes (read-only: no fix offered), empty when it does not. */
    public ReadOnlyStringProperty writesRefusedProperty() {
        return writesRefused;
    }

    /** Whether the target can find stuck jobs. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Notifications for jobs that become stuck. */
    public BooleanProperty notificationsProperty() {
        return notifications;
    }

    public ObservableList<StuckItemViewModel> items() {
        return shown;
    }

    public ObservableList<StuckItemViewModel> allItems() {
        return all;
    }

    public ObservableList<Group> groups() {
        return groups;
    }

    public ObjectProperty<Group> groupProperty() {
        return group;
    }

    /** The jobs chosen in the list (the view keeps it). */
    public ObservableList<StuckItemViewModel> chosen() {
        return chosen;
    }

    /** Whether the rules' tab is the one shown. */
    public BooleanProperty rulesWantedProperty() {
        return rulesWanted;
    }

    /** The Rules tab: the target's thresholds. */
    public AttentionRulesViewModel rules() {
        return rules;
    }

    /** A fix's results and the journal entry that made it. */
    private record Fixed(List<StuckFixes.Result> results, Optional<Long> entry) {
    }
}
