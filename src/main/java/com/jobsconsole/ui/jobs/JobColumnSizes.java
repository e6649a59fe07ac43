package com.jobsconsole.ui.jobs;

import com.jobsconsole.model.JobSource;
import com.jobsconsole.ui.common.ColumnLayout;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The jobs table's columns sized by what they hold, in the language of the day (issue 24): status, type
 * and source wide enough for their longest name in the reference data, the times for their whole
 * format, durations and ids for their longest, each of them for its header — measured in the table's own font once it shows. A column the
 * user sized keeps the user's width ({@link ColumnLayout#isUserSized}). The GUID column shows a GUID's
 * first 8 hex digits while it is narrower than a whole GUID (the whole one in its tooltip, in copy and in
 * the job window; widened, the column shows it whole).
 */
final class JobColumnSizes {

    /** A cell's padding and the header's sort arrow, beside the text. */
    private static final double PADDING = 26;
    /** The status chip beside the status's name. */
    private static final double CHIP = 18;
    /** The widest a time is shown. */
    private static final String TIME = "2026-12-28 23:58:58";
    static final int SHORT_GUID = 8;

    private JobColumnSizes() {
    }

    /** Sizes the table's columns by their content the first time it is laid out with its headers. */
    static void fitWhenShown(TableView<JobRowViewModel> table, JobsBrowserViewModel viewModel, ResourceBundle resources) {
        table.skinProperty().subscribe(skin -> {
            if (skin != null) {
                Platform.runLater(() -> fit(table, viewModel, resources));
            }
        });
    }

    private static void fit(TableView<JobRowViewModel> table, JobsBrowserViewModel viewModel, ResourceBundle resources) {
        Node header = table.lookup(".column-header .label");
        Font headerFont = header instanceof Labeled l ? l.getFont() : Font.getDefault();
        Font cellFont = Font.font(headerFont.getFamily(), FontWeight.NORMAL, headerFont.getSize());
        List<String> statuses = viewModel.statuses().stream().map(s -> name(viewModel.label(s))).toList();
        List<String> types = viewModel.types().stream().map(t -> name(viewModel.label(t))).toList();
        List<String> sources = Arrays.stream(JobSource.values()).map(JobSource::wire).toList();
        // the longest a duration is shown: "running 23 h 59 min" in the language of the day
        String duration = MessageFormat.format(resources.getString("duration.running"),
                MessageFormat.format(resources.getString("duration.hm"), 23, "59"));
        List<String> number = List.of("999999");
        Map<String, Collection<String>> content = Map.ofEntries(Map.entry("statusColumn", statuses),
                Map.entry("typeColumn", types), Map.entry("sourceColumn", sources),
                Map.entry("createdColumn", List.of(TIME)), Map.entry("startedColumn", List.of(TIME)),
                Map.entry("completedColumn", List.of(TIME)), Map.entry("updatedColumn", List.of(TIME)),
                Map.entry("stopAfterColumn", List.of(TIME)), Map.entry("abortAfterColumn", List.of(TIME)),
                Map.entry("durationColumn", List.of(duration)), Map.entry("taskColumn", number),
                Map.entry("scheduleColumn", number), Map.entry("robotIdColumn", number),
                Map.entry("processIdColumn", number));
        for (TableColumn<JobRowViewModel, ?> c : table.getColumns()) {
            Collection<String> values = content.get(c.getId());
            if (values == null || ColumnLayout.isUserSized(c)) {
                continue;
            }
            double extra = "statusColumn".equals(c.getId()) ? CHIP : 0;
            double width = Math.max(width(headerFont, List.of(c.getText() == null ? "" : c.getText())),
                    width(cellFont, values) + extra) + PADDING;
            c.setPrefWidth(Math.ceil(width));
        }
    }

    /** "8 — In progress" as the cell shows it: "In progress". */
    private static String name(String label) {
        int dash = label.indexOf(" \u2014 ");
        return dash < 0 ? label : label.substring(dash + 3);
    }

    static double width(Font font, Collection<String> texts) {
        Text t = new Text();
        t.setFont(font);
        double max = 0;
        for (String s : texts) {
            t.setText(s);
            max = Math.max(max, t.getLayoutBounds().getWidth());
        }
        return max;
    }

    /** GUID cells: the first 8 hex digits while the column is narrower than a whole GUID, the whole one in the tooltip. */
    static void guidCells(TableColumn<JobRowViewModel, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            {
                widthProperty().addListener((o, a, b) -> show(getItem()));
            }

            @Override
            protected void updateItem(String guid, boolean empty) {
                super.updateItem(guid, empty);
                show(empty ? null : guid);
            }

            private void show(String guid) {
                if (guid == null || guid.isEmpty()) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                boolean whole = getWidth() - PADDING >= width(getFont(), List.of(guid));
                setText(whole ? guid : guid.substring(0, Math.min(SHORT_GUID, guid.length())));
                setTooltip(whole ? null : new Tooltip(guid));
            }
        });
    }
}
