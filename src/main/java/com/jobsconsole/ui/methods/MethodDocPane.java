package com.jobsconsole.ui.methods;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;
import java.util.ResourceBundle;

/** A method's documentation, laid out like the orchestrator's API page (but with valid examples). */
public final class MethodDocPane extends VBox {

    public MethodDocPane() {
        setSpacing(10);
        setPadding(new Insets(12));
        getStyleClass().add("method-doc");
    }

    public void show(MethodDoc doc, ResourceBundle bundle) {
        getChildren().clear();
        Label title = new Label(doc.title());
        title.getStyleClass().add("title-3");

        Label verb = new Label(doc.httpMethod());
        verb.getStyleClass().addAll("http-method", "http-" + doc.httpMethod().toLowerCase(Locale.ROOT));
        Label path = new Label(doc.path());
        path.getStyleClass().add("code");
        Label auth = new Label(doc.authorization(), new FontIcon("mdi2l-lock-outline"));
        auth.getStyleClass().add("auth-required");
        HBox endpoint = new HBox(10, verb, path, auth);
        endpoint.getStyleClass().add("endpoint");

        Label description = wrapped(doc.description());

        GridPane params = new GridPane();
        params.getStyleClass().add("param-table");
        params.setHgap(12);
        params.setVgap(4);
        String[] heads = {"doc.param.head.name", "doc.param.head.in", "doc.param.head.type",
            "doc.param.head.required", "doc.param.head.description"};
        for (int i = 0; i < heads.length; i++) {
            Label h = new Label(bundle.getString(heads[i]));
            h.getStyleClass().add("param-head");
            params.add(h, i, 0);
        }
        int row = 1;
        for (MethodDoc.Param p : doc.params()) {
            Label name = new Label(p.name());
            name.getStyleClass().add("code");
            params.addRow(row++, name, new Label(p.in()), new Label(p.type()), new Label(p.required()),
                    wrapped(p.description()));
        }
        for (int i = 0; i < heads.length - 1; i++) {
            ColumnConstraints fixed = new ColumnConstraints();
            fixed.setMinWidth(Region.USE_PREF_SIZE);
            params.getColumnConstraints().add(fixed);
        }
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        params.getColumnConstraints().add(grow);

        getChildren().addAll(title, endpoint, description, section(bundle.getString("doc.parameters")), params);
        getChildren().addAll(named(section(bundle.getString("doc.exampleRequest")), code(doc.exampleRequest())));
        getChildren().addAll(named(section(bundle.getString("doc.exampleResponse")), code(doc.exampleResponse())));
        if (doc.note() != null && !doc.note().isBlank()) {
            Label note = wrapped(doc.note());
            note.setGraphic(new FontIcon("mdi2a-alert-outline"));
            note.getStyleClass().add("doc-note");
            getChildren().add(note);
        }
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    /** The label naming a text area for a screen reader ({@code labelFor}), then the area. */
    private static Node[] named(Label label, TextArea area) {
        label.setLabelFor(area);
        return new Node[] {label, area};
    }

    private static TextArea code(String text) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.getStyleClass().add("code-block");
        area.setPrefRowCount((int) text.lines().count() + 1);
        area.setMinHeight(TextArea.USE_PREF_SIZE);
        return area;
    }
}
