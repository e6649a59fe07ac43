package com.jobsconsole.ui.common;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Every error, confirmation, notification and file choice the user sees goes through here. */
public interface DialogService {

    void showError(String title, String message);

    /** Asks a yes/no question; true only if the user chose the confirming button. */
    boolean confirm(String title, String header, String message, String confirmButton);

    /**
     * Asks for a line of text (the production guard: the target's name typed); empty when the user gave up.
     */
    Optional<String> askText(String title, String header, String prompt);

    /** Asks for a text of any length (pasted mail, log lines); empty when the user gave up. */
    Optional<String> askLongText(String title, String header);

    /** One change a preview shows: the job, its status now and after, and what else says which job it is. */
    record PlannedChange(String guid, String from, String to, String detail) {
    }

    /**
     * A preview of exactly what will change — how many ({@code header}), what to mind ({@code message}, may be
     * empty), and every job from → to (scrollable; Copy puts the list on the clipboard as tab-separated
     * text) — and the question; true when the user confirms.
     */
    boolean confirmChanges(String title, String header, String message, List<PlannedChange> changes,
                           String confirmButton);

    /** An informative message the user acknowledges. */
    void showInfo(String title, String header, String message);

    /**
     * Asks the user to pick one of several actions; empty if the dialog was closed without one.
     * The result is the index of the chosen option.
     */
    Optional<Integer> choose(String title, String header, String message, List<String> options);

    /** Stop and abort times the user picked for maintenance; either may be null (cleared). */
    record StopTimes(LocalDateTime stopAfter, LocalDateTime abortAfter) {
    }

    /** Asks for a stop-after and an abort-after moment; empty if the user gave up. */
    Optional<StopTimes> askStopTimes(String title, String header);

    /** A short note that goes away by itself. */
    void notify(String message);

    /** A note about a change the user made, with a link ({@code actionText}: "Undo") that runs {@code action}. */
    void notifyChange(String message, String actionText, Runnable action);

    /**
     * A desktop notification that something went wrong with a job the user follows; a click on it
     * runs {@code onClick} (select the job). It stays longer than a note.
     */
    void notifyProblem(String title, String message, Runnable onClick);

    /** Asks for a file for a new store; empty if the user gave up. */
    Optional<Path> chooseNewStore(Path initialDir);

    /** Asks where to export jobs (CSV, JSON or XLSX, by the name's ending); empty if the user gave up. */
    Optional<Path> chooseExportFile(String suggestedName);

    /** Asks where to save a picture (PNG); empty if the user gave up. */
    Optional<Path> chooseImageFile(String suggestedName);

    /** Asks for a CSV or JSON file to import; empty if the user gave up. */
    Optional<Path> chooseImportFile();

    /** Asks for a file of saved views (JSON) to write ({@code save}) or to read; empty if the user gave up. */
    Optional<Path> chooseViewsFile(boolean save, String suggestedName);

    /** Asks for a CA certificate file (PEM or DER) to trust; empty if the user gave up. */
    Optional<Path> chooseCertificateFile();

    /** Asks for an existing store file; empty if the user gave up. */
    Optional<Path> chooseExistingStore(Path initialDir);
}
