package com.jobsconsole.ui.methods;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/** The outcome under a method's form: success or error, the response body, the time it took. */
public final class ResultPane extends VBox {

    private final Label message = new Label();
    private final Label elapsed = new Label();
    private final TextArea body = new TextArea();
    private final Button copy = new Button();

    public ResultPane() {
        setSpacing(6);
        setPadding(new Insets(8, 0, 0, 0));
        getStyleClass().add("result-pane");
        message.setId("resultMessage");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add("result-message");
        elapsed.setId("resultElapsed");
        elapsed.getStyleClass().add("result-elapsed");
        body.setId("resultBody");
        body.setEditable(false);
        body.setPrefRowCount(14);
        body.getStyleClass().add("code-block");
        copy.setGraphic(new FontIcon("mdi2c-content-copy"));
        copy.getStyleClass().add("flat");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox head = new HBox(8, message, spacer, elapsed, copy);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(head, body);
    }

    public void bind(MethodViewModel vm, ResourceBundle bundle) {
        message.textProperty().bind(vm.messageProperty());
        elapsed.textProperty().bind(vm.elapsedProperty());
        body.textProperty().bind(vm.responseBodyProperty());
        body.setPromptText(bundle.getString("result.empty"));
        copy.setTooltip(new Tooltip(bundle.getString("result.copy")));
        copy.disableProperty().bind(Bindings.isEmpty(vm.responseBodyProperty()));
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(body.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
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
}
