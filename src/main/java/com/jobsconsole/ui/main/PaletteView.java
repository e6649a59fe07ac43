package com.jobsconsole.ui.main;

import com.jobsconsole.ui.common.StandardActions;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.stage.Popup;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The command palette's window: a text field over the matches; typing narrows them, ↑ ↓ choose, Enter runs,
 * Esc (or a click elsewhere) closes it. The window's actions are found as its menus offer them (each menu item
 * the action registry made carries its action), so the palette runs exactly what the menu would.
 */
final class PaletteView {

    private PaletteView() {
    }

    /**
     * The actions the menu bar and the context menus offer now (enabled ones), once each, named with where
     * they are ("File → Refresh", "Jobs → Refresh": two actions may share a name).
     */
    static List<PaletteViewModel.Entry> actions(MenuBar menuBar, Supplier<List<ContextMenu>> contextMenus,
                                                ResourceBundle resources) {
        List<PaletteViewModel.Entry> out = new ArrayList<>();
        Set<StandardActions> seen = EnumSet.of(StandardActions.COMMAND_PALETTE);
        Map<MenuItem, String> items = new LinkedHashMap<>();
        menuBar.getMenus().forEach(m -> collect(m, "", items));
        String jobs = resources.getString("jobs.title");
        contextMenus.get().forEach(c -> c.getItems().forEach(i -> collect(i, jobs, items)));
        String kind = resources.getString("palette.kind.action");
        items.forEach((i, where) -> {
            if (i.getUserData() instanceof StandardActions a && !i.isDisable() && seen.add(a)) {
                String shortcut = i.getAccelerator() == null ? "" : i.getAccelerator().getDisplayText();
                String name = i.getText().replace("_", "");
                out.add(new PaletteViewModel.Entry(kind, where.isEmpty() ? name : where + " \u2192 " + name, shortcut,
                        i::fire));
            }
        });
        return out;
    }

    private static void collect(MenuItem item, String where, Map<MenuItem, String> into) {
        into.put(item, where);
        if (item instanceof Menu m) {
            String here = m.getText() == null ? where : m.getText().replace("_", "");
            m.getItems().forEach(i -> collect(i, here, into));
        }
    }

    /**
     * A row of the list: the entry's kind, text and detail. Its nodes are made once per cell and only their
     * texts change as the user types (not new nodes for every row on every keystroke); a screen reader reads the
     * three as the row's text.
     */
    private static final class EntryCell extends ListCell<PaletteViewModel.Entry> {
        // plain texts, not labels: a keystroke changes the texts of every row shown, and a label's skin measures
        // and clips its text again on each change. The entry's words take the room left and are cut at its edge
        // when too long, so the shortcut stays whole
        private final Text kind = new Text();
        private final Text text = new Text();
        private final Text detail = new Text();
        private final HBox row;

        EntryCell() {
            kind.getStyleClass().addAll("palette-text", "palette-kind");
            text.getStyleClass().add("palette-text");
            detail.getStyleClass().addAll("palette-text", "palette-detail");
            StackPane kindColumn = new StackPane(kind);
            kindColumn.setAlignment(Pos.CENTER_LEFT);
            kindColumn.getStyleClass().add("palette-kind-column");
            kindColumn.setMinWidth(Region.USE_PREF_SIZE);
            StackPane words = new StackPane(text);
            words.setAlignment(Pos.CENTER_LEFT);
            words.setMinWidth(0);
            words.setPrefWidth(0); // the room left, not the text's width
            HBox.setHgrow(words, Priority.ALWAYS);
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(words.widthProperty());
            clip.heightProperty().bind(words.heightProperty());
            words.setClip(clip);
            row = new HBox(10, kindColumn, words, detail);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinWidth(0);
        }

        @Override
        protected void updateItem(PaletteViewModel.Entry e, boolean empty) {
            super.updateItem(e, empty);
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            kind.setText(e.kind());
            text.setText(e.text());
            detail.setText(e.detail());
            setAccessibleText(e.detail().isEmpty() ? e.kind() + ": " + e.text()
                    : e.kind() + ": " + e.text() + ", " + e.detail());
            setGraphic(row);
        }
    }

    /** The palette's parts: the box shown, its field and its list, and what unhooks the list from the matches. */
    private record Parts(VBox box, TextField field, ListView<PaletteViewModel.Entry> list, Runnable unhook) {
    }

    /** The field over the list, typing matched by {@code viewModel}, the first match chosen after each keystroke. */
    private static Parts build(PaletteViewModel viewModel, ResourceBundle resources) {
        TextField field = new TextField();
        field.setId("paletteField");
        field.setPromptText(resources.getString("palette.prompt"));
        field.setAccessibleText(resources.getString("palette.prompt"));
        ListView<PaletteViewModel.Entry> list = new ListView<>(viewModel.matches());
        list.setId("paletteList");
        list.setPrefSize(640, 360);
        list.setCellFactory(l -> new EntryCell());
        // rows of one height (in the text's size, so zoom keeps them whole): a keystroke's new matches are laid
        // out without measuring every row again
        list.fixedCellSizeProperty().bind(field.fontProperty().map(f -> Math.ceil(f.getSize() * 2.3)));
        VBox box = new VBox(6, field, list);
        box.getStyleClass().addAll("command-palette", "elevated-2");
        box.setStyle("-fx-padding: 10; -fx-background-color: -color-bg-default; -fx-border-color: -color-border-default;");
        field.textProperty().addListener((o, a, b) -> viewModel.search(b));
        ListChangeListener<PaletteViewModel.Entry> chooseFirst = c -> {
            if (!list.getItems().isEmpty()) {
                list.getSelectionModel().select(0);
            }
        };
        viewModel.matches().addListener(chooseFirst);
        return new Parts(box, field, list, () -> {
            viewModel.matches().removeListener(chooseFirst);
            list.setItems(null);
        });
    }

    /** One-letter queries, then two letters, as a user starts to type (letters found in most actions' names). */
    private static final List<String> WARM_QUERIES = List.of("e", "", "o", "ov", "", "a", "r", "");

    /**
     * Runs the palette where nobody sees it, once, so that the first query typed after start does not pay for
     * the first run of the code it needs (issue 23: the first query's keystrokes were the ones over two frames).
     * The palette is made over a copy of {@code viewModel} in a scene of its own that is never shown, styled as
     * {@code owner}, and a few queries are typed into it, one a pulse: each matched, its rows made, styled and laid
     * out. Then it is dropped (the future completes). What the real palette shows and remembers is not touched.
     */
    static CompletableFuture<Void> warmUp(Window owner, PaletteViewModel viewModel, ResourceBundle resources) {
        PaletteViewModel unseen = viewModel.unseen();
        Parts parts = build(unseen, resources);
        Scene scene = new Scene(parts.box());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        parts.box().resize(660, 420); // a scene never shown gives its root no size: the rows are made at this one
        unseen.open();
        CompletableFuture<Void> done = new CompletableFuture<>();
        step(parts, 0, done);
        return done;
    }

    private static void step(Parts parts, int i, CompletableFuture<Void> done) {
        if (i == WARM_QUERIES.size()) {
            parts.unhook().run();
            done.complete(null);
            return;
        }
        parts.field().setText(WARM_QUERIES.get(i));
        parts.box().applyCss();
        parts.box().layout();
        Platform.runLater(() -> step(parts, i + 1, done));
    }

    /** Opens the palette over {@code owner}, styled as it is. */
    static Popup show(Window owner, PaletteViewModel viewModel, ResourceBundle resources) {
        Parts parts = build(viewModel, resources);
        TextField field = parts.field();
        ListView<PaletteViewModel.Entry> list = parts.list();
        VBox box = parts.box();
        Popup popup = new Popup(); // a popup over the window, not a window of its own
        popup.getContent().add(box);
        popup.setAutoHide(true); // a click elsewhere closes it
        popup.setHideOnEscape(true);
        popup.setOnHidden(e -> parts.unhook().run());
        if (owner != null && owner.getScene() != null) {
            box.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        Runnable runChosen = () -> {
            PaletteViewModel.Entry e = list.getSelectionModel().getSelectedItem();
            if (e == null && !list.getItems().isEmpty()) {
                e = list.getItems().get(0);
            }
            if (e != null) {
                popup.hide();
                viewModel.run(e);
            }
        };
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                int i = list.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                if (i >= 0 && i < list.getItems().size()) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(Math.max(0, i - 3));
                }
                e.consume();
            }
        });
        box.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                runChosen.run();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                runChosen.run();
            }
        });
        viewModel.open();
        if (owner != null) {
            popup.show(owner, owner.getX() + Math.max(0, (owner.getWidth() - 660) / 2), owner.getY() + 80);
        }
        field.requestFocus();
        return popup;
    }
}
