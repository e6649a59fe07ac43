package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.transfer.JobTransfer;
import com.jobsconsole.ui.common.ProgressTask;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.WindowKind;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** The browser's Export (the filter's jobs to a file) and Import (a file into the local store). */
public final class TransferActionsViewModel {

    private final UiServices ui;
    private final ProgressTask task;
    private final Supplier<JobQuery> filter;
    private final LongSupplier matches;

    /** The import window: a check of the file, then the import, over the main window. */
    public static final WindowKind<ImportViewModel> IMPORT_WINDOW = new WindowKind<>("import", "import.title", true, 0, 0);

    /**
     * @param filter  the browser's filter as a query (null while a field is invalid)
     * @param matches how many jobs the filter matches, for the export's progress
     */
    public TransferActionsViewModel(UiServices ui, ProgressTask task, Supplier<JobQuery> filter, LongSupplier matches) {
        this.ui = ui;
        this.task = task;
        this.filter = filter;
        this.matches = matches;
    }

    /**
     * Export: every job of the current filter (in its sort order) to a CSV, JSON or XLSX file the
     * user names, off the FX thread with progress and Cancel. It is written to a temporary file
     * first, so a cancelled or failed export leaves no half-written file behind.
     */
    public void export() {
        JobQuery q = filter.get();
        if (q == null || task.isBusy()) {
            return;
        }
        Optional<Path> chosen = ui.dialogs().chooseExportFile("jobs");
        if (chosen.isEmpty() || !task.start()) {
            return;
        }
        Path file = chosen.get();
        JobTransfer.Format format = JobTransfer.Format.of(file);
        JobGateway g = ui.gateway().get();
        long total = matches.getAsLong();
        ui.executor().execute(() -> write(g, q, format, file, total), n -> {
            task.finish();
            ui.dialogs().notify(n < 0 ? ui.messages().get("export.cancelled") : ui.messages().get("export.done", n, file.toString()));
        }, e -> {
            task.finish();
            ui.dialogs().showError(ui.messages().get("export.failed"), ui.messages().describe(e));
        });
    }

    /** Writes through a temporary file beside the target; -1 when cancelled (nothing left behind). */
    private long write(JobGateway g, JobQuery q, JobTransfer.Format format, Path file, long total) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        long n;
        try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            n = JobTransfer.export(g, q, format, w, done -> task.report(done, total), task::isCancelled);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (task.isCancelled()) {
            Files.deleteIfExists(tmp);
            return -1L;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        return n;
    }

    /**
     * Import: asks for a CSV or JSON file and opens the import window on it (preview, check, then
     * the import itself). Only into a store file: the API has no bulk create, and rows written into
     * a remote profile's cache would not exist on the orchestrator.
     */
    public void importFile() {
        if (task.isBusy()) {
            return;
        }
        Optional<BulkJobStore> store = ui.gateway().capability(BulkJobStore.class);
        if (store.isEmpty()) {
            ui.dialogs().showError(ui.messages().get("import.title"), ui.messages().get("import.remote"));
            return;
        }
        Optional<Path> chosen = ui.dialogs().chooseImportFile();
        if (chosen.isEmpty()) {
            return;
        }
        ImportViewModel vm = new ImportViewModel(ui.reference(), store.get(), chosen.get(), ui.executor(), ui.dialogs(), ui.messages(),
                ui.gateway()::changed);
        ui.windows().open(IMPORT_WINDOW, vm, () -> { });
        vm.start();
    }
}
