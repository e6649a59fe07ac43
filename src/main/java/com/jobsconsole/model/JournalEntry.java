package com.jobsconsole.model;

import java.time.LocalDateTime;

/**
 * One action in the journal: when, by which OS user, on which target (a store file or an orchestrator),
 * what, and how many jobs it changed.
 *
 * @param detail   what the action said of itself (a status's code, a file's name), or null
 * @param undoes   the entry this one undid, for an {@link JournalAction#UNDO}
 * @param undoneBy the undo that undid this one and still stands (itself not undone), or null
 */
public record JournalEntry(long id, LocalDateTime at, String user, String target, JournalAction action,
                           String detail, long jobs, Long undoes, Long undoneBy) {

    /** How a redo's detail begins: a redo is an undo of an undo, and says of which original entry. */
    public static final String REDO = "redo ";

    public boolean undone() {
        return undoneBy != null;
    }

    /** Whether this is a redo (an undo of an undo). */
    public boolean redo() {
        return action == JournalAction.UNDO && detail != null && detail.startsWith(REDO);
    }

    /** The detail as shown beside the action's name: a redo's without its "redo " (its name says it). */
    public String shownDetail() {
        return redo() ? detail.substring(REDO.length()) : detail;
    }
}
