package com.jobsconsole.app;

import com.jobsconsole.i18n.Messages;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

import java.nio.file.Path;

/** What the window shows while the store opens: the app's name and "Opening jobs.sqlite…". */
final class OpeningView {

    private OpeningView() {
    }

    static Parent create(Messages messages, Path store) {
        Label name = new Label(messages.get("app.name"));
        name.getStyleClass().add("title-2");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(32, 32);
        Path file = store.getFileName();
        Label what = new Label(messages.get("startup.opening", file != null ? file.toString() : store.toString()));
        what.getStyleClass().add("text-muted");
        VBox box = new VBox(12, name, progress, what);
        box.setId("opening");
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
