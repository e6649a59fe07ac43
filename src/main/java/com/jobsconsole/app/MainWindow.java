package com.jobsconsole.app;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.ViewLoader;
import com.jobsconsole.ui.jobs.JobSidePanelView;
import com.jobsconsole.ui.jobs.JobsBrowserView;
import com.jobsconsole.ui.main.MainViewModel;
import com.jobsconsole.ui.main.MainWindowView;
import com.jobsconsole.ui.methods.CreateJobView;
import com.jobsconsole.ui.methods.DeleteJobView;
import com.jobsconsole.ui.methods.ReadJobView;
import com.jobsconsole.ui.methods.UpdateJobView;
import com.jobsconsole.ui.reference.ReferenceTablesView;
import javafx.scene.Parent;
import javafx.scene.Scene;

import java.time.Clock;
import java.util.Objects;

/** Wires the main window by hand: view-models, controllers, FXML, stylesheet. */
public final class MainWindow {

    public static final String STYLESHEET = Objects.requireNonNull(
            MainWindow.class.getResource("/com/jobsconsole/ui/main/app.css")).toExternalForm();

    private final MainViewModel viewModel;
    private final Parent root;

    public MainWindow(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor,
                      DialogService dialogs, Messages messages, MainViewModel.Host host, Runnable exit, Clock clock) {
        viewModel = new MainViewModel(reference, gateway, executor, dialogs, messages, host, clock);
        ViewLoader loader = new ViewLoader(messages.bundle());
        loader.register(MainWindowView.class, () -> new MainWindowView(viewModel, exit, m -> methodView(loader, m)))
                .register(ReferenceTablesView.class, () -> new ReferenceTablesView(viewModel.referenceTables()))
                .register(JobsBrowserView.class,
                        () -> new JobsBrowserView(viewModel.jobs(), viewModel::openCreateTab,
                                viewModel.browserColumns(), viewModel::saveBrowserColumns))
                .register(JobSidePanelView.class, () -> new JobSidePanelView(viewModel.jobs()))
                .register(CreateJobView.class, () -> new CreateJobView(viewModel.create()))
                .register(ReadJobView.class, () -> new ReadJobView(viewModel.read()))
                .register(UpdateJobView.class, () -> new UpdateJobView(viewModel.update()))
                .register(DeleteJobView.class, () -> new DeleteJobView(viewModel.delete()));
        root = loader.load(MainWindowView.class, "MainWindow.fxml");
    }

    /** A method tab's page, loaded the first time the tab is opened (start-up builds none it does not show). */
    private static Parent methodView(ViewLoader loader, ApiMethod method) {
        return switch (method) {
            case CREATE -> loader.load(CreateJobView.class, "CreateJob.fxml");
            case READ -> loader.load(ReadJobView.class, "ReadJob.fxml");
            case UPDATE -> loader.load(UpdateJobView.class, "UpdateJob.fxml");
            case DELETE -> loader.load(DeleteJobView.class, "DeleteJob.fxml");
        };
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
