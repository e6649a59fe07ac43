package com.jobsconsole.ui.journal;

import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.JournalEntry;
import com.jobsconsole.model.JournalItem;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.Undo;
import com.jobsconsole.ui.common.WindowKind;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Edit → Journal…: the changes the console made on the target, newest first, filtered by time, action and
 * job; an entry's jobs with their before and after; an entry undone from here (Edit → Undo's rules).
 */
public final class JournalViewModel {

    public static final WindowKind<JournalViewModel> WINDOW = new WindowKind<>("journal", "journal.window.title",
            false, 1000, 640);

    /** The entries shown at most (the newest); the filter narrows what is older. */
    static final int LISTED = 1_000;
    /** The items of one entry shown at most. */
    static final int ITEMS = 5_000;

    /** How far back the list goes. */
    public enum Period {
        HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7)), ALL(null);

        private final Duration span;

        Period(Duration span) {
            this.span = span;
        }

        public String messageKey() {
            return "journal.period." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final UiServices ui;
    private final Undo undo;
    private final Clock clock;
    private final ObservableList<JournalEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<JournalItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.DAY);
    private final ObjectProperty<JournalAction> action = new SimpleObjectProperty<>();
    private final StringProperty guid = new SimpleStringProperty("");
    private final ObjectProperty<JournalEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private boolean open;

    public JournalViewModel(UiServices ui, Undo undo, Clock clock) {
        this.ui = ui;
        this.undo = undo;
        this.clock = clock;
        selected.addListener((o, was, now) -> loadItems(now));
        ui.gateway().onChange(() -> {
            if (open) {
                load(); // a change (an undo from here, too) shows at once while the window is open
            }
        });
    }

    public void show() {
        open = true;
        ui.windows().open(WINDOW, this, () -> open = false);
        load();
    }

    /** Reads the entries again by the filter, off the FX thread. */
    public void load() {
        Optional<JobJournal> journal = ui.gateway().capability(JobJournal.class);
        available.set(journal.isPresent());
        if (journal.isEmpty()) {
            entries.clear();
            items.clear();
            message.set(ui.messages().get("journal.window.none"));
            return;
        }
        UUID job;
        try {
            job = guid.get() == null || guid.get().isBlank() ? null : Guids.parse(guid.get());
        } catch (InvalidInputException e) {
            message.set(ui.messages().describe(e));
            return;
        }
        Duration span = period.get() == null ? null : period.get().span;
        LocalDateTime since = span == null ? null : LocalDateTime.now(clock).minus(span);
        JobJournal.Query q = new JobJournal.Query(since, null, action.get(), job, LISTED);
        Long keep = selected.get() == null ? null : selected.get().id();
        ui.executor().execute(() -> {
            JobJournal j = journal.get();
            JobJournal.Retention r = j.retention();
            return new Loaded(j.entries(q), r);
        }, loaded -> {
            entries.setAll(loaded.entries);
            message.set(ui.messages().get("journal.window.target", ui.gateway().get().target()) + " "
                    + ui.messages().get("journal.window.count", loaded.entries.size()) + " "
                    + ui.messages().get("journal.retention", loaded.retention.days(), loaded.retention.entries()));
            selected.set(loaded.entries.stream().filter(e -> keep != null && e.id() == keep).findFirst()
                    .orElse(loaded.entries.isEmpty() ? null : loaded.entries.get(0)));
        }, e -> message.set(ui.messages().describe(e)));
    }

    private record Loaded(List<JournalEntry> entries, JobJournal.Retention retention) {
    }

    private void loadItems(JournalEntry e) {
        if (e == null) {
            items.clear();
            return;
        }
        Optional<JobJournal> journal = ui.gateway().capability(JobJournal.class);
        if (journal.isEmpty()) {
            return;
        }
        ui.executor().execute(() -> journal.get().items(e.id(), 0, ITEMS), items::setAll,
                err -> message.set(ui.messages().describe(err)));
    }

    /** Undoes the selected entry (a conflict is reported, never overwritten). */
    public void undoSelected() {
        JournalEntry e = selected.get();
        if (e != null && !e.undone()) {
            undo.undo(e.id());
        }
    }

    /** An entry's state in words: undone by which, or which it undoes. */
    public String state(JournalEntry e) {
        if (e.undone()) {
            return ui.messages().get("journal.state.undone", e.undoneBy());
        }
        return e.undoes() != null ? ui.messages().get("journal.state.undoes", e.undoes()) : "";
    }

    /** An item's before or after in words: the status's label, or new / deleted / unknown. */
    public String before(JournalItem i) {
        return i.before() == null ? ui.messages().get("journal.item.created") : state(i.before());
    }

    public String after(JournalItem i) {
        return i.after() == null ? ui.messages().get("journal.item.deleted") : state(i.after());
    }

    private String state(JournalItem.State s) {
        String status = s.status() == null ? "?" : ui.messages().label(ui.reference(), s.status());
        return s.stopAfter() == null && s.abortAfter() == null ? status
                : status + " \u00b7 " + ui.messages().get("maintenance.times",
                        s.stopAfter() == null ? "\u2014" : JobJson.formatTime(s.stopAfter()),
                        s.abortAfter() == null ? "\u2014" : JobJson.formatTime(s.abortAfter()));
    }

    public String note(JournalItem i) {
        return i.unmade() == null ? "" : ui.messages().get(i.unmade());
    }

    /** "Abort (bulk)", "Import jobs.csv", "Undo #12", "Redo #12": an entry's action as the list names it. */
    public String entryLabel(JournalEntry e) {
        String name = e.redo() ? ui.messages().get("journal.action.redo") : actionLabel(e.action());
        boolean says = e.action() == JournalAction.UNDO || e.action() == JournalAction.IMPORT;
        return name + (says && e.detail() != null ? " " + e.shownDetail() : "");
    }

    public String actionLabel(JournalAction a) {
        return a == null ? ui.messages().get("journal.filter.allActions") : ui.messages().get(a.messageKey());
    }

    public String periodLabel(Period p) {
        return ui.messages().get(p.messageKey());
    }

    public ObservableList<JournalEntry> entries() {
        return entries;
    }

    public ObservableList<JournalItem> items() {
        return items;
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObjectProperty<JournalAction> actionProperty() {
        return action;
    }

    public StringProperty guidProperty() {
        return guid;
    }

    public ObjectProperty<JournalEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }
}
