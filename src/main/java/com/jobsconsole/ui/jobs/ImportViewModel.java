package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.transfer.JobImport;
import com.jobsconsole.transfer.JobTransfer;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Import of a CSV or JSON file into the local store, in two steps the user sees: the file is read
 * and checked (a preview of its first rows, which column fills which field, every bad row with its
 * line and why), then, when the user says so, its good rows go into the store in one transaction.
 * Both steps run off the FX thread with progress and can be cancelled; a cancelled or failed
 * import writes nothing.
 */
public final class ImportViewModel {

    /** A column of the preview: its name in the file and the field it fills (null: left out). */
    public record Column(String name, String field) {
    }

    private final ReferenceData reference;
    private final BulkJobStore store;
    private final Path file;
    private final JobTransfer.Format format;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final Runnable onImported;

    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ObservableList<JobImport.Problem> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper columnSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper importLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private JobImport.Check check;

    public ImportViewModel(ReferenceData reference, BulkJobStore store, Path file, TaskExecutor executor, DialogService dialogs,
                           Messages messages, Runnable onImported) {
        this.reference = reference;
        this.store = store;
        this.file = file;
        this.format = JobTransfer.Format.of(file);
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.onImported = onImported;
    }

    private record Checked(JobImport.Preview preview, JobImport.Check check) {
    }

    /** Reads the preview and checks every row. */
    public void start() {
        busy.set(true);
        progress.set(-1);
        cancel.set(false);
        status.set(messages.get("import.checking", file.getFileName()));
        executor.execute(() -> {
            JobImport.Preview preview = JobImport.preview(file, format);
            JobImport.Check c = JobImport.check(file, format, reference, store,
                    n -> executor.onCallbackThread(() -> status.set(messages.get("import.checking", file.getFileName())
                            + "  " + String.format(messages.locale(), "%,d", n))),
                    cancel::get);
            return new Checked(preview, c);
        }, result -> {
            busy.set(false);
            progress.set(0);
            status.set("");
            if (cancel.get()) {
                finished.set(true);
                return;
            }
            show(result.preview(), result.check());
        }, e -> {
            busy.set(false);
            progress.set(0);
            status.set("");
            summary.set(messages.describe(e));
            canImport.set(false);
            importLabel.set(messages.get("import.button.none"));
        });
    }

    private void show(JobImport.Preview preview, JobImport.Check c) {
        this.check = c;
        columns.setAll(preview.columns().stream().map(n -> new Column(n, preview.fieldOf().get(n))).toList());
        previewRows.setAll(preview.rows());
        List<String> ignored = preview.ignored();
        columnSummary.set(ignored.isEmpty() ? messages.get("import.columns.allUsed", preview.columns().size())
                : messages.get("import.columns", preview.columns().size(), preview.fieldOf().size(),
                String.join(", ", ignored)));
        String text = c.badCount() == 0 ? messages.get("import.summary.good", c.rows())
                : messages.get("import.summary.bad", c.rows(), c.good(), c.badCount());
        if (c.badCount() > c.bad().size()) {
            text += " " + messages.get("import.summary.more", c.bad().size());
        }
        summary.set(text + " " + messages.get("import.allOrNothing"));
        problems.setAll(c.bad());
        canImport.set(c.good() > 0);
        importLabel.set(c.good() == 0 ? messages.get("import.button.none")
                : c.badCount() == 0 ? messages.get("import.button.all", c.good())
                : messages.get("import.button.skip", c.good()));
    }

    /** Stores the good rows (skipping the bad ones the check listed) in one transaction. */
    public void importNow() {
        if (check == null || !canImport.get() || busy.get()) {
            return;
        }
        long expected = check.good();
        JobImport.Check skipping = check;
        busy.set(true);
        canImport.set(false);
        progress.set(0);
        cancel.set(false);
        status.set(messages.get("import.importing", file.getFileName()));
        executor.execute(() -> JobImport.run(file, format, reference, store, skipping,
                n -> executor.onCallbackThread(() -> progress.set((double) n / Math.max(1, expected))), cancel::get),
            n -> {
                busy.set(false);
                finished.set(true);
                dialogs.notify(messages.get("import.done", n, file.getFileName()));
                onImported.run();
            }, e -> {
                busy.set(false);
                status.set("");
                if (cancel.get()) {
                    canImport.set(true);
                    dialogs.notify(messages.get("import.cancelled"));
                } else {
                    dialogs.showError(messages.get("import.failed"), messages.describe(e));
                }
            });
    }

    /** Stops the check or the import; an import stopped writes nothing. */
    public void cancel() {
        cancel.set(true);
    }

    public Path file() {
        return file;
    }

    public ObservableList<Column> columns() {
        return columns;
    }

    public ObservableList<List<String>> previewRows() {
        return previewRows;
    }

    public ObservableList<JobImport.Problem> problems() {
        return problems;
    }

    /** A bad row's reason in the user's language. */
    public String reason(JobImport.Problem p) {
        return p.text(messages);
    }

    /** "→ field" or "→ left out", for a column's header. */
    public String fieldLabel(Column c) {
        return c.field() == null ? messages.get("import.column.ignored") : messages.get("import.column.field", c.field());
    }

    public ReadOnlyStringProperty columnSummaryProperty() {
        return columnSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty importLabelProperty() {
        return importLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the import is done (or the check was cancelled): the window may close. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the amount of work is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
