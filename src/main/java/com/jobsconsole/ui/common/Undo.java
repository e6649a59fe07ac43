package com.jobsconsole.ui.common;

import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.JournalUndo;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.JournalEntry;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Undo and redo in the window: Edit → Undo (the user's newest change on the target that still stands),
 * Redo (the newest undo, until a new change is made), and the Undo link of a change's notification. An
 * undo is a change like any other: journaled, through the target's gateway (the outbox on a remote
 * profile), refused on a read-only target, asked for by name on a production one when it touches more
 * than one job; a job changed since is left as it is and reported.
 */
public final class Undo {

    private final UiServices ui;
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("");

    public Undo(UiServices ui) {
        this.ui = ui;
    }

    /** What Edit → Undo would undo ("Set status · 3 jobs"), empty when nothing; see {@link #look}. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** Looks again what Undo and Redo would take back (after a change; off the FX thread). */
    public void look() {
        ui.executor().execute(() -> {
            Optional<JobJournal> journal = ui.gateway().capability(JobJournal.class);
            String user = JobJournal.osUser();
            return new String[] {
                journal.flatMap(j -> j.lastUndoable(user)).map(this::describe).orElse(""),
                journal.flatMap(j -> j.lastRedoable(user)).map(this::describe).orElse("")};
        }, texts -> {
            undoText.set(texts[0]);
            redoText.set(texts[1]);
        }, e -> { });
    }

    /** "Set status · 3 jobs": an entry as the menu and the messages name it. */
    public String describe(JournalEntry e) {
        return ui.messages().get("journal.entry.short", ui.messages().get(e.redo() ? "journal.action.redo"
                : e.action().messageKey()), e.jobs());
    }

    /** Edit → Undo: the user's newest change that still stands. */
    public void undoLast() {
        run(j -> j.lastUndoable(JobJournal.osUser()), "journal.nothingToUndo");
    }

    /** Edit → Redo: takes back the newest undo. */
    public void redoLast() {
        run(j -> j.lastRedoable(JobJournal.osUser()), "journal.nothingToRedo");
    }

    /** Undoes one entry (a notification's link, the Journal window). */
    public void undo(long entry) {
        run(j -> j.entry(entry), "journal.nothingToUndo");
    }

    /**
     * A note's link to undo {@code entry}: it undoes only while the window still shows the target open now, the
     * one the entry was made on (an entry's number means another entry, or none, in another target's journal).
     */
    private Runnable undoLink(long entry) {
        JobGateway target = ui.gateway().get();
        return () -> {
            if (ui.gateway().get() != target) {
                ui.dialogs().notify(ui.messages().get("journal.undo.otherTarget"));
                return;
            }
            undo(entry);
        };
    }

    /** Gives the Undo link to a change's note, when the change made an entry. */
    public void notifyChange(String message, Optional<Long> entry) {
        if (entry.isEmpty()) {
            ui.dialogs().notify(message);
        } else {
            ui.dialogs().notifyChange(message, ui.messages().get("journal.undoLink"), undoLink(entry.get()));
        }
        look();
    }

    private void run(Function<JobJournal, Optional<JournalEntry>> pick, String nothing) {
        String refused = TargetGuard.refusal(ui.gateway().get(), ui.messages());
        if (!refused.isEmpty()) {
            ui.dialogs().showError(ui.messages().get("journal.undo.title"), refused);
            return;
        }
        ui.executor().execute(() -> ui.gateway().capability(JobJournal.class).flatMap(pick), found -> {
            if (found.isEmpty()) {
                ui.dialogs().notify(ui.messages().get(nothing));
                return;
            }
            JournalEntry e = found.get();
            boolean deletes = e.action() == JournalAction.CREATE || e.action() == JournalAction.IMPORT;
            if (!TargetGuard.mayChange(ui, (int) Math.min(Integer.MAX_VALUE, e.jobs()), deletes)) {
                return;
            }
            ui.executor().execute(() -> new JournalUndo(ui.gateway().get()).undo(e.id()), result -> report(e, result),
                    error -> ui.dialogs().showError(ui.messages().get("journal.undo.title"),
                            ui.messages().describe(error)));
        }, error -> ui.dialogs().showError(ui.messages().get("journal.undo.title"), ui.messages().describe(error)));
    }

    private void report(JournalEntry e, JournalUndo.Result result) {
        ui.gateway().changed();
        look();
        String done = ui.messages().get(e.action() == JournalAction.UNDO ? "journal.redone" : "journal.undone",
                describe(e), result.undone());
        if (result.problems().isEmpty()) {
            if (result.entry().isPresent()) {
                ui.dialogs().notifyChange(done, ui.messages().get(e.action() == JournalAction.UNDO
                        ? "journal.undoLink" : "journal.redoLink"), undoLink(result.entry().get()));
            } else {
                ui.dialogs().notify(done);
            }
            return;
        }
        ui.dialogs().showError(ui.messages().get("journal.undo.title"), done + "\n\n"
                + ui.messages().get("journal.undo.problems", result.problems().size()) + "\n"
                + result.problems().stream().limit(20)
                        .map(p -> p.guid() + ": " + ui.messages().get(p.messageKey(), p.args()))
                        .collect(Collectors.joining("\n")));
    }
}
