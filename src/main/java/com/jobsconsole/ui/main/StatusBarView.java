package com.jobsconsole.ui.main;

import com.jobsconsole.ui.attention.AttentionView;
import com.jobsconsole.ui.sync.SyncViewModel;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;

/**
 * The main window's status bar: the store or target, its state and Live's, the outbox's waiting writes
 * (a link to the Sync window), long work with its progress and Cancel, and the job count.
 */
public final class StatusBarView {

    private final MainViewModel viewModel;

    @FXML
    private Label storeLabel;
    @FXML
    private ProgressIndicator openingProgress;
    @FXML
    private Label targetStatusLabel;
    @FXML
    private Label liveStatusLabel;
    @FXML
    private Hyperlink syncStatusLink;
    @FXML
    private Hyperlink attentionLink;
    @FXML
    private ProgressBar refreshProgress;
    @FXML
    private Button cancelRefreshButton;
    @FXML
    private Label jobCountLabel;

    public StatusBarView(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        storeLabel.textProperty().bind(viewModel.target().storePathProperty());
        openingProgress.visibleProperty().bind(viewModel.openingProperty());
        openingProgress.managedProperty().bind(viewModel.openingProperty());
        targetStatusLabel.textProperty().bind(viewModel.target().targetStatusProperty());
        // a production or read-only target: said in the status bar too, in the band's colour
        targetStatusLabel.styleProperty().bind(viewModel.target().bandColourProperty().map(c -> c.isEmpty() ? ""
                : "-fx-text-fill: " + c + "; -fx-font-weight: bold;"));
        liveStatusLabel.textProperty().bind(viewModel.live().liveStatusProperty());
        SyncViewModel sync = viewModel.sync();
        syncStatusLink.textProperty().bind(sync.statusTextProperty());
        syncStatusLink.visibleProperty().bind(sync.statusTextProperty().isNotEmpty());
        syncStatusLink.managedProperty().bind(syncStatusLink.visibleProperty());
        syncStatusLink.setOnAction(e -> {
            syncStatusLink.setVisited(false);
            sync.show();
        });
        AttentionView.link(attentionLink, viewModel.attention());
        refreshProgress.progressProperty().bind(viewModel.task().progressProperty());
        refreshProgress.visibleProperty().bind(viewModel.task().busyProperty());
        refreshProgress.managedProperty().bind(viewModel.task().busyProperty());
        cancelRefreshButton.visibleProperty().bind(viewModel.task().busyProperty());
        cancelRefreshButton.managedProperty().bind(viewModel.task().busyProperty());
        cancelRefreshButton.setOnAction(e -> viewModel.task().cancel());
        jobCountLabel.textProperty().bind(viewModel.jobCountProperty());
    }
}
