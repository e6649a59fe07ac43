package com.jobsconsole.ui.main;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.ProgressTask;
import com.jobsconsole.ui.common.TaskExecutor;
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

    private final ReferenceData reference;
    private final ActiveGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final MainViewModel.Host host;
    private final ReadOnlyBooleanWrapper opening;
    private final ProgressTask task;
    private final ObservableList<String> recentStores = FXCollections.observableArrayList();

    StoreFilesViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor, DialogService dialogs,
                        Messages messages, MainViewModel.Host host, ReadOnlyBooleanWrapper opening, ProgressTask task) {
        this.reference = reference;
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.host = host;
        this.opening = opening;
        this.task = task;
        recentStores.setAll(host.recentStores());
    }

    /** File → New store…: asks for a file; an existing file is opened, never overwritten. */
    public void newStore() {
        dialogs.chooseNewStore(currentDir()).ifPresent(file -> {
            if (Files.exists(file)) {
                dialogs.notify(messages.get("store.new.exists", file.toString()));
            }
            open(file);
        });
    }

    /** File → Open store…. */
    public void openStore() {
        dialogs.chooseExistingStore(currentDir()).ifPresent(this::open);
    }

    /** File → Recent stores → one of them. */
    public void openRecent(String path) {
        open(Path.of(path));
    }

    /** Opens a store off the FX thread and makes it the active one; on failure the old store stays. */
    public void open(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (target.toString().equals(gateway.get().target())) {
            dialogs.notify(messages.get("store.alreadyOpen", target.toString()));
            return;
        }
        opening.set(true);
        executor.execute(() -> host.openStore(target), g -> {
            opening.set(false);
            gateway.switchTo(g);
            recentStores.setAll(host.rememberStore(target));
            dialogs.notify(messages.get("store.opened", target.toString()));
        }, e -> {
            opening.set(false);
            dialogs.showError(messages.get("store.openFailed.title"), messages.describe(e));
        });
    }

    /** The folder the file choosers start in: the open store's, else the last local store's. */
    private Path currentDir() {
        Path store = gateway.capability(BulkJobStore.class).map(BulkJobStore::path).orElseGet(host::lastLocalStore);
        Path p = store == null ? null : store.toAbsolutePath().getParent();
        return p != null && Files.isDirectory(p) ? p : null;
    }

    /**
     * File → Fill with demo data…: asks how many, then adds that many realistic jobs to the local
     * store in one transaction, with progress and Cancel (a cancelled fill writes nothing).
     */
    public void seedDemo() {
        Optional<BulkJobStore> store = gateway.capability(BulkJobStore.class);
        if (store.isEmpty() || task.isBusy()) {
            dialogs.showError(messages.get("seed.title"), messages.get("seed.localOnly"));
            return;
        }
        var choice = dialogs.choose(messages.get("seed.title"), messages.get("seed.header"), messages.get("seed.body"),
                DEMO_SIZES.stream().map(n -> messages.get("seed.option", n)).toList());
        if (choice.isEmpty() || !task.start()) {
            return;
        }
        long count = DEMO_SIZES.get(choice.get());
        executor.execute(() -> store.get().insertAll(new DemoJobs(reference, count, System.nanoTime(),
                        LocalDateTime.now()), count, done -> task.report(done, count), task::isCancelled), n -> {
                    task.finish();
                    gateway.changed();
                    dialogs.notify(messages.get("seed.done", n));
                }, e -> {
                    task.finish();
                    dialogs.showError(messages.get("seed.title"), messages.describe(e));
                });
    }

    public ObservableList<String> recentStores() {
        return FXCollections.unmodifiableObservableList(recentStores);
    }
}
