package com.jobsconsole.ui.methods;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ResourceBundle;

/**
 * The outcome under a method's form: success or error, the time it took, the response body, and
 * on a remote target the real HTTP exchange (key masked) with "Copy as curl".
 */
public final class ResultPane extends VBox {

    private final Label message = new Label();
    private final Label elapsed = new Label();
    private final Hyperlink undo = new Hyperlink();
    private final TextArea body = codeArea("resultBody");
    private final TextArea request = codeArea("resultRequest");
    private final TextArea response = codeArea("resultResponse");
    private final Button copy = new Button();
    private final Button copyCurl = new Button();
    private final Tab bodyTab = new Tab();
    private final Tab requestTab = new Tab();
    private final Tab responseTab = new Tab();

    public ResultPane() {
        setSpacing(6);
        setPadding(new Insets(8, 0, 0, 0));
        getStyleClass().add("result-pane");
        message.setId("resultMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("result-message");
        undo.setId("resultUndo");
        elapsed.setId("resultElapsed");
        elapsed.getStyleClass().add("result-elapsed");
        copy.setGraphic(new FontIcon("mdi2c-content-copy"));
        copy.getStyleClass().add("flat");
        copyCurl.setId("copyCurlButton");
        copyCurl.setGraphic(new FontIcon("mdi2c-console"));
        copyCurl.getStyleClass().add("flat");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox head = new HBox(8, message, undo, spacer, elapsed, copyCurl, copy);
        head.setAlignment(Pos.CENTER_LEFT);
        bodyTab.setContent(body);
        requestTab.setContent(request);
        responseTab.setContent(response);
        TabPane tabs = new TabPane(bodyTab, requestTab, responseTab);
        tabs.setId("resultTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("floating");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(head, tabs);
    }

    private static TextArea codeArea(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setPrefRowCount(14);
        area.getStyleClass().add("code-block");
        return area;
    }

    public void bind(MethodViewModel vm, ResourceBundle bundle) {
        message.textProperty().bind(vm.messageProperty());
        elapsed.textProperty().bind(vm.elapsedProperty());
        body.textProperty().bind(vm.responseBodyProperty());
        request.textProperty().bind(vm.requestTextProperty());
        response.textProperty().bind(vm.responseTextProperty());
        body.setPromptText(bundle.getString("result.empty"));
        bodyTab.setText(bundle.getString("result.tab.body"));
        requestTab.setText(bundle.getString("result.tab.request"));
        responseTab.setText(bundle.getString("result.tab.response"));
        // each text is named for a screen reader by its tab
        body.setAccessibleText(bodyTab.getText());
        request.setAccessibleText(requestTab.getText());
        response.setAccessibleText(responseTab.getText());
        requestTab.disableProperty().bind(Bindings.isEmpty(vm.requestTextProperty()));
        responseTab.disableProperty().bind(Bindings.isEmpty(vm.responseTextProperty()));
        copy.setTooltip(new Tooltip(bundle.getString("result.copy")));
        copy.setAccessibleText(bundle.getString("result.copy"));
        copy.disableProperty().bind(Bindings.isEmpty(vm.responseBodyProperty()));
        copy.setOnAction(e -> toClipboard(body.getText()));
        undo.setText(bundle.getString("journal.undoLink"));
        undo.setTooltip(new Tooltip(bundle.getString("result.undo.tooltip")));
        undo.setMinWidth(Region.USE_PREF_SIZE); // the message wraps, the link is never cut off
        undo.visibleProperty().bind(vm.undoableProperty().isNotNull());
        undo.managedProperty().bind(undo.visibleProperty());
        undo.setOnAction(e -> vm.undoLastChange());
        copyCurl.setText(bundle.getString("result.copyCurl"));
        copyCurl.setTooltip(new Tooltip(bundle.getString("result.copyCurl.tooltip")));
        copyCurl.visibleProperty().bind(Bindings.isNotEmpty(vm.curlProperty()));
        copyCurl.managedProperty().bind(copyCurl.visibleProperty());
        copyCurl.setOnAction(e -> toClipboard(vm.curlProperty().get()));
        vm.outcomeProperty().subscribe(outcome -> {
            message.getStyleClass().removeAll("success", "failure", "declined");
            switch (outcome) {
                case SUCCESS -> {
                    message.getStyleClass().add("success");
                    message.setGraphic(new FontIcon("mdi2c-check-circle-outline"));
                }
                case FAILURE -> {
                    message.getStyleClass().add("failure");
                    message.setGraphic(new FontIcon("mdi2a-alert-circle-outline"));
                }
                case DECLINED -> {
                    message.getStyleClass().add("declined");
                    message.setGraphic(new FontIcon("mdi2i-information-outline"));
                }
                case NONE -> message.setGraphic(null);
            }
        });
    }

    private static void toClipboard(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }
}
