package com.jobsconsole.ui.main;

import com.jobsconsole.demo.DemoDirectory;
import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.ui.common.ProgressTask;
import com.jobsconsole.ui.common.UiServices;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The File menu's store files: New store, Open store, Recent stores (each opened off the FX thread;
 * on failure the open store stays), and Fill with demo data.
 */
public final class StoreFilesViewModel {

    /** The sizes File → Fill with demo data offers. */
    static final List<Long> DEMO_SIZES = List.of(1_000L, 100_000L, 1_000_000L);

    private final UiServices ui;
    private final MainHost host;
    private final ReadOnlyBooleanWrapper opening;
    private final ProgressTask task;
    private final ObservableList<String> recentStores = FXCollections.observableArrayList();

    public StoreFilesViewModel(UiServices ui, MainHost host, ReadOnlyBooleanWrapper opening, ProgressTask task) {
        this.ui = ui;
        this.host = host;
        this.opening = opening;
        this.task = task;
        recentStores.setAll(host.recentStores());
    }

    /** File → New store…: asks for a file; an existing file is opened, never overwritten. */
    public void newStore() {
        ui.dialogs().chooseNewStore(currentDir()).ifPresent(file -> {
            if (Files.exists(file)) {
                ui.dialogs().notify(ui.messages().get("store.new.exists", file.toString()));
            }
            open(file);
        });
    }

    /** File → Open store…. */
    public void openStore() {
        ui.dialogs().chooseExistingStore(currentDir()).ifPresent(this::open);
    }

    /** File → Recent stores → one of them. */
    public void openRecent(String path) {
        open(Path.of(path));
    }

    /** Opens a store off the FX thread and makes it the active one; on failure the old store stays. */
    public void open(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (target.toString().equals(ui.gateway().get().target())) {
            ui.dialogs().notify(ui.messages().get("store.alreadyOpen", target.toString()));
            return;
        }
        opening.set(true);
        ui.executor().execute(() -> host.openStore(target), g -> {
            opening.set(false);
            ui.gateway().switchTo(g);
            recentStores.setAll(host.rememberStore(target));
            ui.dialogs().notify(ui.messages().get("store.opened", target.toString()));
        }, e -> {
            opening.set(false);
            ui.dialogs().showError(ui.messages().get("store.openFailed.title"), ui.messages().describe(e));
        });
    }

    /** The folder the file choosers start in: the open store's, else the last local store's. */
    private Path currentDir() {
        Path store = ui.gateway().capability(BulkJobStore.class).map(BulkJobStore::path).orElseGet(host::lastLocalStore);
        Path p = store == null ? null : store.toAbsolutePath().getParent();
        return p != null && Files.isDirectory(p) ? p : null;
    }

    /**
     * File → Fill with demo data…: asks how many, then adds that many realistic jobs to the local
     * store in one transaction, with progress and Cancel (a cancelled fill writes nothing).
     */
    public void seedDemo() {
        Optional<BulkJobStore> store = ui.gateway().capability(BulkJobStore.class);
        if (store.isEmpty() || task.isBusy()) {
            ui.dialogs().showError(ui.messages().get("seed.title"), ui.messages().get("seed.localOnly"));
            return;
        }
        var choice = ui.dialogs().choose(ui.messages().get("seed.title"), ui.messages().get("seed.header"), ui.messages().get("seed.body"),
                DEMO_SIZES.stream().map(n -> ui.messages().get("seed.option", n)).toList());
        if (choice.isEmpty() || !task.start()) {
            return;
        }
        long count = DEMO_SIZES.get(choice.get());
        Optional<JobDirectory> directory = ui.gateway().capability(JobDirectory.class);
        ui.executor().execute(() -> {
            long n = store.get().insertAll(new DemoJobs(ui.reference(), count, System.nanoTime(), LocalDateTime.now()),
                    count, done -> task.report(done, count), task::isCancelled);
            directory.ifPresent(d -> d.addMissing(DemoDirectory.entries())); // names the site has given stay
            return n;
        }, n -> {
                    task.finish();
                    ui.gateway().changed();
                    ui.dialogs().notify(ui.messages().get("seed.done", n));
                }, e -> {
                    task.finish();
                    ui.dialogs().showError(ui.messages().get("seed.title"), ui.messages().describe(e));
                });
    }

    public ObservableList<String> recentStores() {
        return FXCollections.unmodifiableObservableList(recentStores);
    }
}
