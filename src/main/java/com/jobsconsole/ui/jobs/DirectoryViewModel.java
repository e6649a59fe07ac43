package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.DirectoryRefresh;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.transfer.DirectoryTransfer;
import com.jobsconsole.transfer.JobImport;
import com.jobsconsole.transfer.JobTransfer;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.WindowKind;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * View → Directory…: the names the target gives the ids its jobs carry, a tab per kind, edited in
 * place (every edit stored at once), added and removed; imported and exported as CSV or JSON with
 * the job import's rules (all or nothing, bad rows named by their line); on a remote profile, filled
 * from the orchestrator's robots. Whatever changes, the browser's names follow.
 */
public final class DirectoryViewModel {

    public static final WindowKind<DirectoryViewModel> WINDOW = new WindowKind<>("directory", "directory.window.title",
            false, 900, 600);

    /** A field of an entry that can be edited in place. */
    public enum Field { NAME, DETAIL, GUID, DESCRIPTION }

    private final UiServices ui;
    private final Runnable onChanged;
    private final Map<DirectoryKind, ObservableList<DirectoryEntry>> entries = new EnumMap<>(DirectoryKind.class);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper refreshable = new ReadOnlyBooleanWrapper();

    /** @param onChanged the names changed: the browser reads them again */
    public DirectoryViewModel(UiServices ui, Runnable onChanged) {
        this.ui = ui;
        this.onChanged = onChanged;
        for (DirectoryKind k : DirectoryKind.values()) {
            entries.put(k, FXCollections.observableArrayList());
        }
    }

    /** Opens the window on the target's directory. */
    public void show() {
        ui.windows().open(WINDOW, this, () -> { });
        load();
    }

    /** Reads every entry again, off the FX thread. */
    public void load() {
        Optional<JobDirectory> directory = ui.gateway().capability(JobDirectory.class);
        available.set(directory.isPresent());
        refreshable.set(ui.gateway().capability(DirectoryRefresh.class).isPresent());
        if (directory.isEmpty()) {
            entries.values().forEach(List::clear);
            message.set(ui.messages().get("directory.window.none"));
            return;
        }
        run(() -> directory.get().entries(null), all -> {
            Map<DirectoryKind, List<DirectoryEntry>> byKind = all.stream()
                    .collect(Collectors.groupingBy(DirectoryEntry::kind));
            entries.forEach((k, list) -> list.setAll(byKind.getOrDefault(k, List.of())));
        });
    }

    /** The entries of a kind, by id. */
    public ObservableList<DirectoryEntry> entries(DirectoryKind kind) {
        return entries.get(kind);
    }

    /**
     * An edit in place: stored at once; a name left empty is refused with a message and the entry
     * stays as it was.
     */
    public void edit(DirectoryEntry entry, Field field, String value) {
        String v = value == null ? "" : value.strip();
        if (field == Field.NAME && v.isEmpty()) {
            ui.dialogs().showError(ui.messages().get("directory.window.title"), ui.messages().get("directory.edit.noName"));
            load();
            return;
        }
        DirectoryEntry changed = new DirectoryEntry(entry.kind(), entry.id(),
                field == Field.NAME ? v : entry.name(), field == Field.DETAIL ? v : entry.detail(),
                field == Field.GUID ? v : entry.guid(), field == Field.DESCRIPTION ? v : entry.description());
        if (!changed.equals(entry)) {
            store(List.of(changed), ui.messages().get("directory.saved", changed.label()));
        }
    }

    /** Adds an entry (or renames the one with this id); the id a positive whole number, the name not empty. */
    public boolean add(DirectoryKind kind, String idText, String name) {
        long id;
        try {
            id = Long.parseLong(idText == null ? "" : idText.strip());
        } catch (NumberFormatException e) {
            id = 0;
        }
        if (id <= 0) {
            ui.dialogs().showError(ui.messages().get("directory.window.title"),
                    ui.messages().get("directory.add.badId", idText == null ? "" : idText.strip()));
            return false;
        }
        if (name == null || name.isBlank()) {
            ui.dialogs().showError(ui.messages().get("directory.window.title"), ui.messages().get("directory.edit.noName"));
            return false;
        }
        DirectoryEntry e = DirectoryEntry.of(kind, id, name);
        store(List.of(e), ui.messages().get("directory.saved", e.label()));
        return true;
    }

    /** Removes the entries after one confirmation; their jobs then show their ids ({@code #25}). */
    public void remove(List<DirectoryEntry> chosen) {
        if (chosen.isEmpty() || !ui.dialogs().confirm(ui.messages().get("directory.window.title"),
                ui.messages().get("directory.remove.header", chosen.size()), ui.messages().get("directory.remove.body"),
                ui.messages().get("directory.remove.button"))) {
            return;
        }
        JobDirectory d = ui.gateway().capability(JobDirectory.class).orElseThrow();
        List<DirectoryEntry> gone = List.copyOf(chosen);
        run(() -> {
            gone.forEach(e -> d.remove(e.kind(), e.id()));
            return gone.size();
        }, n -> changed(ui.messages().get("directory.removed", n)));
    }

    /**
     * Import…: a CSV or JSON file with the job import's rules: a bad row (its line and why) stops the
     * whole file unless the user chooses to leave the bad rows out.
     */
    public void importFile() {
        Optional<Path> file = ui.dialogs().chooseImportFile();
        if (file.isEmpty()) {
            return;
        }
        JobDirectory d = ui.gateway().capability(JobDirectory.class).orElseThrow();
        Path f = file.get();
        run(() -> DirectoryTransfer.read(f, JobTransfer.Format.of(f)), read -> {
            List<DirectoryEntry> good = read.entries();
            if (!read.bad().isEmpty() && !leaveOut(read.bad(), good.size())) {
                message.set(ui.messages().get("directory.import.none"));
                return;
            }
            run(() -> {
                d.put(good);
                return good.size();
            }, n -> changed(ui.messages().get("directory.imported", n, read.bad().size())));
        });
    }

    /** Asks whether to import the good rows and leave the bad ones out, naming the first bad ones. */
    private boolean leaveOut(List<JobImport.Problem> bad, int good) {
        String rows = bad.stream().limit(10).map(p -> ui.messages().get("directory.import.badRow", p.line(),
                ui.messages().get(p.key(), p.args().toArray()))).collect(Collectors.joining("\n"));
        return ui.dialogs().confirm(ui.messages().get("directory.window.title"),
                ui.messages().get("directory.import.bad", bad.size(), good), rows,
                ui.messages().get("directory.import.leaveOut"));
    }

    /** Export…: every entry, CSV or JSON by the file name's ending. */
    public void exportFile() {
        Optional<Path> file = ui.dialogs().chooseExportFile("directory.csv");
        if (file.isEmpty()) {
            return;
        }
        JobDirectory d = ui.gateway().capability(JobDirectory.class).orElseThrow();
        Path f = file.get();
        run(() -> {
            List<DirectoryEntry> all = d.entries(null);
            JobTransfer.Format format = JobTransfer.Format.of(f);
            if (format != JobTransfer.Format.CSV && format != JobTransfer.Format.JSON) {
                throw new InvalidInputException("directory.file.format");
            }
            try (OutputStream out = Files.newOutputStream(f)) {
                DirectoryTransfer.write(all, format, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return all.size();
        }, n -> message.set(ui.messages().get("directory.exported", n, f.toString())));
    }

    /** Refresh from the orchestrator (a remote profile): names robots where its answer carries their id. */
    public void refreshFromOrchestrator() {
        Optional<DirectoryRefresh> refresh = ui.gateway().capability(DirectoryRefresh.class);
        if (refresh.isEmpty()) {
            return;
        }
        run(() -> refresh.get().refreshDirectory(),
                r -> changed(ui.messages().get("directory.refreshed", r.named(), r.unnamed())));
    }

    private void store(List<DirectoryEntry> changed, String done) {
        JobDirectory d = ui.gateway().capability(JobDirectory.class).orElseThrow();
        run(() -> {
            d.put(changed);
            return changed.size();
        }, n -> changed(done));
    }

    private void changed(String done) {
        message.set(done);
        load();
        onChanged.run();
    }

    private <T> void run(Callable<T> work, Consumer<T> then) {
        busy.set(true);
        ui.executor().execute(work, r -> {
            busy.set(false);
            then.accept(r);
        }, e -> {
            busy.set(false);
            message.set(ui.messages().describe(e));
            ui.dialogs().showError(ui.messages().get("directory.window.title"), ui.messages().describe(e));
            load();
        });
    }

    /** What the last action did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the target keeps a directory at all. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Whether the target can fill it from the orchestrator (a remote profile). */
    public ReadOnlyBooleanProperty refreshableProperty() {
        return refreshable.getReadOnlyProperty();
    }
}
