package com.jobsconsole.testing;

import com.jobsconsole.ui.common.DialogService;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link DialogService} that records what it was asked and answers from a script. */
public final class RecordingDialogs implements DialogService {

    /** One thing the user was shown. */
    public record Shown(String kind, String title, String header, String message) {
    }

    public final List<Shown> shown = new ArrayList<>();
    private final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    private final Deque<Optional<Path>> fileAnswers = new ArrayDeque<>();
    private final Deque<Optional<Integer>> choiceAnswers = new ArrayDeque<>();
    private final Deque<Optional<StopTimes>> timesAnswers = new ArrayDeque<>();

    public RecordingDialogs answerStopTimes(StopTimes times) {
        timesAnswers.add(Optional.ofNullable(times));
        return this;
    }

    @Override
    public synchronized Optional<StopTimes> askStopTimes(String title, String header) {
        shown.add(new Shown("askStopTimes", title, header, null));
        return timesAnswers.isEmpty() ? Optional.empty() : timesAnswers.poll();
    }

    public RecordingDialogs answerConfirm(boolean... answers) {
        for (boolean a : answers) {
            confirmAnswers.add(a);
        }
        return this;
    }

    public RecordingDialogs answerFile(Path file) {
        fileAnswers.add(Optional.ofNullable(file));
        return this;
    }

    public RecordingDialogs answerChoice(Integer index) {
        choiceAnswers.add(Optional.ofNullable(index));
        return this;
    }

    public List<Shown> of(String kind) {
        return shown.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    public Shown last(String kind) {
        List<Shown> list = of(kind);
        if (list.isEmpty()) {
            throw new AssertionError("no " + kind + " was shown; shown: " + shown);
        }
        return list.get(list.size() - 1);
    }

    @Override
    public synchronized void showError(String title, String message) {
        shown.add(new Shown("error", title, null, message));
    }

    @Override
    public synchronized void showInfo(String title, String header, String message) {
        shown.add(new Shown("info", title, header, message));
    }

    @Override
    public synchronized Optional<Integer> choose(String title, String header, String message, List<String> options) {
        shown.add(new Shown("choose", title, header, message));
        return choiceAnswers.isEmpty() ? Optional.empty() : choiceAnswers.poll();
    }

    private final Deque<Optional<String>> textAnswers = new ArrayDeque<>();

    public RecordingDialogs answerText(String text) {
        textAnswers.add(Optional.ofNullable(text));
        return this;
    }

    @Override
    public synchronized Optional<String> askText(String title, String header, String prompt) {
        shown.add(new Shown("text", title, header, prompt));
        if (textAnswers.isEmpty()) {
            throw new AssertionError("unexpected question: " + header);
        }
        return textAnswers.poll();
    }

    @Override
    public synchronized Optional<String> askLongText(String title, String header) {
        shown.add(new Shown("longText", title, header, null));
        return textAnswers.isEmpty() ? Optional.empty() : textAnswers.poll();
    }

    /** The changes the last previews showed, in order. */
    public final List<List<PlannedChange>> previews = new ArrayList<>();

    @Override
    public synchronized boolean confirmChanges(String title, String header, String message,
                                               List<PlannedChange> changes, String confirmButton) {
        previews.add(List.copyOf(changes));
        return confirm(title, header, message, confirmButton);
    }

    @Override
    public synchronized boolean confirm(String title, String header, String message, String confirmButton) {
        shown.add(new Shown("confirm", title, header, message));
        if (confirmAnswers.isEmpty()) {
            throw new AssertionError("unexpected confirmation: " + header + " / " + message);
        }
        return confirmAnswers.poll();
    }

    @Override
    public synchronized void notifyProblem(String title, String message, Runnable onClick) {
        shown.add(new Shown("problem", title, null, message));
        problemClicks.add(onClick);
    }

    /** What a click on each problem notification would do, in order. */
    public final List<Runnable> problemClicks = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void notify(String message) {
        shown.add(new Shown("notify", null, null, message));
    }

    /** What the link of each change notification would do, in order. */
    public final List<Runnable> changeLinks = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void notifyChange(String message, String actionText, Runnable action) {
        shown.add(new Shown("notify", null, actionText, message));
        changeLinks.add(action);
    }

    @Override
    public synchronized Optional<Path> chooseNewStore(Path initialDir) {
        shown.add(new Shown("chooseNew", null, null, String.valueOf(initialDir)));
        return fileAnswers.isEmpty() ? Optional.empty() : fileAnswers.poll();
    }

    @Override
    public synchronized Optional<Path> chooseCertificateFile() {
        shown.add(new Shown("chooseCertificate", null, null, null));
        return fileAnswers.isEmpty() ? Optional.empty() : fileAnswers.poll();
    }

    @Override
    public synchronized Optional<Path> chooseViewsFile(boolean save, String suggestedName) {
        shown.add(new Shown(save ? "chooseViewsSave" : "chooseViewsOpen", null, null, suggestedName));
        return fileAnswers.isEmpty() ? Optional.empty() : fileAnswers.poll();
    }

    @Override
    public synchronized Optional<Path> chooseImportFile() {
        shown.add(new Shown("chooseImport", null, null, null));
        return fileAnswers.isEmpty() ? Optional.empty() : fileAnswers.poll();
    }

    @Override
    public synchronized Optional<Path> chooseExportFile(String suggestedName) {
        shown.add(new Shown("chooseExport", null, null, suggestedName));
        return fileAnswers.isEmpty() ? Optional.empty() : fileAnswers.poll();
    }

    @Override
    public synchronized Optional<Path> chooseImageFile(String suggestedName) {
        shown.add(new Shown("chooseImage", null, null, suggestedName));
        return fileAnswers.isEmpty() ? Optional.empty() : fileAnswers.poll();
    }

    @Override
    public synchronized Optional<Path> chooseExistingStore(Path initialDir) {
        shown.add(new Shown("chooseExisting", null, null, String.valueOf(initialDir)));
        return fileAnswers.isEmpty() ? Optional.empty() : fileAnswers.poll();
    }
}
