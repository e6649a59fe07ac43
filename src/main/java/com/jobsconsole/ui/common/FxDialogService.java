package com.jobsconsole.ui.common;

import com.jobsconsole.i18n.Messages;
import com.jobsconsole.transfer.JobTransfer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Dialogs as real JavaFX alerts, notifications and file choosers, owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final Messages messages;

    public FxDialogService(Supplier<Window> owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        init(alert, title);
        alert.setHeaderText(title);
        // Long messages (a server's answer, a path) stay readable and can be copied.
        TextArea text = new TextArea(message);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(8, 2 + message.length() / 60));
        text.getStyleClass().add("dialog-text");
        alert.getDialogPane().setContent(text);
        alert.showAndWait();
    }

    @Override
    public void showInfo(String title, String header, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, message);
        init(alert, title);
        alert.setHeaderText(header);
        alert.showAndWait();
    }

    @Override
    public Optional<Integer> choose(String title, String header, String message, List<String> options) {
        List<ButtonType> buttons = options.stream()
                .map(o -> new ButtonType(o, ButtonBar.ButtonData.OTHER)).toList();
        Alert alert = new Alert(Alert.AlertType.WARNING, message, buttons.toArray(ButtonType[]::new));
        init(alert, title);
        alert.setHeaderText(header);
        return alert.showAndWait().map(buttons::indexOf).filter(i -> i >= 0);
    }

    @Override
    public boolean confirm(String title, String header, String message, String confirmButton) {
        ButtonType yes = new ButtonType(confirmButton, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, no);
        init(alert, title);
        alert.setHeaderText(header);
        // The safe choice is the default: Enter does not confirm a destructive action.
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String header, String prompt) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.setContentText(prompt);
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        dialog.getDialogPane().setMinWidth(480);
        return dialog.showAndWait();
    }

    @Override
    public Optional<String> askLongText(String title, String header) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        TextArea area = new TextArea();
        area.setPrefColumnCount(70);
        area.setPrefRowCount(14);
        area.setWrapText(true);
        ButtonType ok = new ButtonType(messages.get("watch.go"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(area);
        dialog.setResizable(true);
        dialog.setResultConverter(b -> b == ok ? area.getText() : null);
        area.requestFocus();
        return dialog.showAndWait().filter(t -> !t.isBlank());
    }

    @Override
    public boolean confirmChanges(String title, String header, String message, List<PlannedChange> changes,
                                  String confirmButton) {
        ButtonType yes = new ButtonType(confirmButton, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, null, yes, no);
        init(alert, title);
        alert.setHeaderText(header);
        TableView<PlannedChange> table = new TableView<>(FXCollections.observableArrayList(changes));
        table.getStyleClass().add("dense");
        TableColumn<PlannedChange, String> detail = column(messages.get("preview.col.detail"), PlannedChange::detail);
        table.getColumns().add(column("GUID", PlannedChange::guid));
        table.getColumns().add(column(messages.get("preview.col.from"), PlannedChange::from));
        table.getColumns().add(column(messages.get("preview.col.to"), PlannedChange::to));
        table.getColumns().add(detail);
        detail.setMinWidth(160);
        ColumnFit.wrappingCells(detail);
        ColumnFit.fitToContent(table, detail); // the GUID and the statuses whole; the job's names take the rest
        table.setPrefHeight(Math.min(420, 60 + 26.0 * changes.size()));
        double width = Math.min(1000, Screen.getPrimary().getVisualBounds().getWidth() - 80);
        alert.getDialogPane().setMinWidth(width);
        alert.getDialogPane().setPrefWidth(width);
        Button copy = new Button(messages.get("preview.copy"));
        copy.setOnAction(e -> {
            StringBuilder text = new StringBuilder("guid\tfrom\tto\tdetail\n");
            changes.forEach(c -> text.append(c.guid()).append('\t').append(c.from()).append('\t').append(c.to())
                    .append('\t').append(c.detail()).append('\n'));
            ClipboardContent content = new ClipboardContent();
            content.putString(text.toString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        VBox box = new VBox(8, table, copy);
        if (message != null && !message.isBlank()) {
            Label text = new Label(message);
            text.setWrapText(true);
            text.setMinHeight(Label.USE_PREF_SIZE);
            box.getChildren().add(0, text);
        }
        alert.getDialogPane().setContent(box);
        // The safe choice is the default: Enter does not confirm.
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    private static TableColumn<PlannedChange, String> column(String title, Function<PlannedChange, String> value) {
        TableColumn<PlannedChange, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private void init(Alert alert, String title) {
        alert.setTitle(title);
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
        }
        alert.getDialogPane().setMinWidth(480);
        alert.setResizable(true);
    }

    @Override
    public Optional<StopTimes> askStopTimes(String title, String header) {
        Dialog<StopTimes> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        Window w = owner.get();
        if (w != null) {
            dialog.initOwner(w);
        }
        DatePicker stopDate = new DatePicker();
        TextField stopTime = new TextField("12:00");
        DatePicker abortDate = new DatePicker();
        TextField abortTime = new TextField("13:00");
        stopDate.setId("stopDate");
        abortDate.setId("abortDate");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(messages.get("field.stopAfter")), stopDate, stopTime);
        grid.addRow(1, new Label(messages.get("field.abortAfter")), abortDate, abortTime);
        grid.add(new Label(messages.get("maintenance.hint")), 0, 2, 3, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType apply = new ButtonType(messages.get("maintenance.apply"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(apply,
                new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setResultConverter(b -> b == apply
                ? new StopTimes(at(stopDate.getValue(), stopTime.getText()), at(abortDate.getValue(), abortTime.getText()))
                : null);
        return dialog.showAndWait();
    }

    private static LocalDateTime at(LocalDate date, String time) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDateTime.of(date, LocalTime.parse(time.strip()));
        } catch (DateTimeParseException e) {
            return date.atStartOfDay();
        }
    }

    @Override
    public void notify(String message) {
        Notifications n = Notifications.create().text(message).hideAfter(Duration.seconds(4));
        Window w = owner.get();
        if (w != null) {
            n.owner(w);
        }
        n.showInformation();
    }

    @Override
    public void notifyChange(String message, String actionText, Runnable action) {
        Notifications n = Notifications.create().text(message).hideAfter(Duration.seconds(10))
                .action(new org.controlsfx.control.action.Action(actionText, e -> action.run()));
        Window w = owner.get();
        if (w != null) {
            n.owner(w);
        }
        n.showInformation();
    }

    @Override
    public void notifyProblem(String title, String message, Runnable onClick) {
        Notifications n = Notifications.create().title(title).text(message).hideAfter(Duration.seconds(12))
                .onAction(e -> onClick.run());
        Window w = owner.get();
        if (w != null) {
            n.owner(w);
        }
        n.showError();
    }

    @Override
    public Optional<Path> chooseNewStore(Path initialDir) {
        FileChooser chooser = chooser(initialDir, "store.chooser.new");
        chooser.setInitialFileName("jobs.sqlite");
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseImageFile(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("image.chooser"));
        chooser.setInitialFileName(suggestedName + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath)
                .map(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png") ? f
                        : f.resolveSibling(f.getFileName() + ".png"));
    }

    @Override
    public Optional<Path> chooseExportFile(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("export.chooser"));
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
                new FileChooser.ExtensionFilter("JSON", "*.json"), new FileChooser.ExtensionFilter("Excel (XLSX)", "*.xlsx"));
        File file = chooser.showSaveDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        // a name typed without an ending takes the chosen filter's, so the format is what was picked
        if (JobTransfer.Format.ofFileName(file.getName()).isEmpty()
                && chooser.getSelectedExtensionFilter() != null) {
            String ending = chooser.getSelectedExtensionFilter().getExtensions().get(0).substring(1);
            file = new File(file.getParentFile(), file.getName() + ending);
        }
        return Optional.of(file.toPath());
    }

    @Override
    public Optional<Path> chooseCertificateFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("profile.field.ca.label").replace("_", ""));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseImportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("import.chooser"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV, JSON", "*.csv", "*.json"),
                new FileChooser.ExtensionFilter(messages.get("store.chooser.all"), "*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseViewsFile(boolean save, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(save ? "views.export.chooser" : "views.import.chooser"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON", "*.json"),
                new FileChooser.ExtensionFilter(messages.get("store.chooser.all"), "*"));
        if (!save) {
            return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
        }
        chooser.setInitialFileName(suggestedName + ".json");
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath)
                .map(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? f
                        : f.resolveSibling(f.getFileName() + ".json"));
    }

    @Override
    public Optional<Path> chooseExistingStore(Path initialDir) {
        return Optional.ofNullable(chooser(initialDir, "store.chooser.open").showOpenDialog(owner.get()))
                .map(File::toPath);
    }

    private FileChooser chooser(Path initialDir, String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("store.chooser.filter"), "*.sqlite", "*.db", "*.sqlite3"),
                new FileChooser.ExtensionFilter(messages.get("store.chooser.all"), "*"));
        if (initialDir != null) {
            chooser.setInitialDirectory(initialDir.toFile());
        }
        return chooser;
    }
}
