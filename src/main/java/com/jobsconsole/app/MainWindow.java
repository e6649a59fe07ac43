package com.jobsconsole.app;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.attention.AttentionView;
import com.jobsconsole.ui.attention.AttentionViewModel;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.FxScheduler;
import com.jobsconsole.ui.common.FxWindowService;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.ViewLoader;
import com.jobsconsole.ui.jobs.DirectoryView;
import com.jobsconsole.ui.jobs.DirectoryViewModel;
import com.jobsconsole.ui.jobs.ImportView;
import com.jobsconsole.ui.jobs.JobSidePanelView;
import com.jobsconsole.ui.jobs.JobWindowView;
import com.jobsconsole.ui.jobs.JobWindowViewModel;
import com.jobsconsole.ui.jobs.JobsBrowserView;
import com.jobsconsole.ui.jobs.TransferActionsViewModel;
import com.jobsconsole.ui.main.MainHost;
import com.jobsconsole.ui.main.MainViewModel;
import com.jobsconsole.ui.main.MainWindowView;
import com.jobsconsole.ui.main.StatusBarView;
import com.jobsconsole.ui.methods.CreateJobView;
import com.jobsconsole.ui.methods.GuidJobView;
import com.jobsconsole.ui.methods.UpdateJobView;
import com.jobsconsole.ui.journal.JournalView;
import com.jobsconsole.ui.journal.JournalViewModel;
import com.jobsconsole.ui.overview.OverviewView;
import com.jobsconsole.ui.overview.OverviewViewModel;
import com.jobsconsole.ui.reference.ReferenceTablesView;
import com.jobsconsole.ui.sync.SyncView;
import com.jobsconsole.ui.sync.SyncViewModel;
import javafx.scene.Parent;
import javafx.scene.Scene;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** Wires the main window by hand: view-models, controllers, FXML, stylesheet. */
public final class MainWindow {

    public static final String STYLESHEET = Objects.requireNonNull(
            MainWindow.class.getResource("/com/jobsconsole/ui/main/app.css")).toExternalForm();

    private final MainViewModel viewModel;
    private Parent root;
    private MainWindowView view;

    public MainWindow(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor,
                      DialogService dialogs, Messages messages, MainHost host, Runnable exit, Clock clock) {
        ViewLoader loader = new ViewLoader(messages.bundle());
        // the main window's secondary windows: owned by it, with its stylesheets
        FxWindowService windows = new FxWindowService(() -> root == null || root.getScene() == null ? null
                : root.getScene().getWindow(), () -> messages,
                () -> root == null || root.getScene() == null ? List.of(STYLESHEET) : root.getScene().getStylesheets())
                .register(SyncViewModel.WINDOW, (vm, close) -> new ViewLoader(messages.bundle())
                        .register(SyncView.class, () -> new SyncView(vm, close)).load(SyncView.class, "Sync.fxml"))
                .register(TransferActionsViewModel.IMPORT_WINDOW, (vm, close) -> new ViewLoader(messages.bundle())
                        .register(ImportView.class, () -> new ImportView(vm, close)).load(ImportView.class, "Import.fxml"),
                        vm -> {
                            if (vm.busyProperty().get()) { // closing it cancels the import first
                                vm.cancel();
                                return false;
                            }
                            return true;
                        })
                .register(DirectoryViewModel.WINDOW, (vm, close) -> new ViewLoader(messages.bundle())
                        .register(DirectoryView.class, () -> new DirectoryView(vm)).load(DirectoryView.class, "Directory.fxml"))
                .register(AttentionViewModel.WINDOW, (vm, close) -> new ViewLoader(messages.bundle())
                        .register(AttentionView.class, () -> new AttentionView(vm)).load(AttentionView.class, "Attention.fxml"))
                .register(OverviewViewModel.WINDOW, (vm, close) -> new ViewLoader(messages.bundle())
                        .register(OverviewView.class, () -> new OverviewView(vm, close)).load(OverviewView.class, "Overview.fxml"))
                .register(JournalViewModel.WINDOW, (vm, close) -> new ViewLoader(messages.bundle())
                        .register(JournalView.class, () -> new JournalView(vm)).load(JournalView.class, "Journal.fxml"))
                .register(JobWindowViewModel.WINDOW, (vm, close) -> new ViewLoader(messages.bundle())
                        .register(JobWindowView.class, () -> new JobWindowView(vm, close))
                        .load(JobWindowView.class, "JobWindow.fxml"));
        viewModel = MainWiring.mainViewModel(reference, gateway, executor, dialogs, messages, host, clock,
                new FxScheduler(), windows);
        loader.register(MainWindowView.class, () -> view = new MainWindowView(viewModel, exit, m -> methodView(loader, m)))
                .register(StatusBarView.class, () -> new StatusBarView(viewModel))
                .register(ReferenceTablesView.class, () -> new ReferenceTablesView(viewModel.referenceTables(), viewModel.attention()))
                .register(JobsBrowserView.class,
                        () -> new JobsBrowserView(viewModel.jobs(), viewModel::openCreateTab,
                                viewModel.jobWindows()::open, viewModel.views().columns()))
                .register(JobSidePanelView.class, () -> new JobSidePanelView(viewModel.jobs(), windows, viewModel.jobWindows()::open))
                .register(CreateJobView.class, () -> new CreateJobView(viewModel.create()))
                .register(UpdateJobView.class, () -> new UpdateJobView(viewModel.update()));
        viewModel.jobs().loadFirstPage(); // read off the FX thread while the views are built
        root = loader.load(MainWindowView.class, "MainWindow.fxml");
        viewModel.jobs().showFirstPageIfRead(); // before the first layout, when it is read already
    }

    /** A method tab's page, loaded the first time the tab is opened (start-up builds none it does not show). */
    private Parent methodView(ViewLoader loader, ApiMethod method) {
        return switch (method) {
            case CREATE -> loader.load(CreateJobView.class, "CreateJob.fxml");
            case READ -> loader.load(GuidJobView.class, "GuidJob.fxml", () -> new GuidJobView(viewModel.read(), true));
            case UPDATE -> loader.load(UpdateJobView.class, "UpdateJob.fxml");
            case DELETE -> loader.load(GuidJobView.class, "GuidJob.fxml", () -> new GuidJobView(viewModel.delete(), false));
        };
    }

    /**
     * Work done once the window's first page is on screen, for what comes later: the command palette run once
     * unseen (its first query typed is then as quick as later ones). The future completes when it is done.
     */
    public CompletableFuture<Void> afterFirstPage() {
        return view.warmUpPalette();
    }

    public MainViewModel viewModel() {
        return viewModel;
    }

    public Parent root() {
        return root;
    }

    public Scene scene() {
        Scene scene = new Scene(root);
        scene.getStylesheets().add(STYLESHEET);
        return scene;
    }
}
