package com.jobsconsole.ui.jobs;

import com.jobsconsole.model.JobSource;
import com.jobsconsole.ui.common.ColumnFit;
import com.jobsconsole.ui.common.ColumnLayout;
import com.jobsconsole.ui.common.ZoomedColumns;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

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

    /** The status chip beside the status's name. */
    private static final double CHIP = 18;
    /** The widest a time is shown. */
    private static final String TIME = "2026-12-28 23:58:58";

    private JobColumnSizes() {
    }

    /** Sizes the table's columns by their content the first time it is laid out with its headers, and at each zoom. */
    static void fitWhenShown(TableView<JobRowViewModel> table, JobsBrowserViewModel viewModel, ResourceBundle resources) {
        ColumnFit.whenShownAndZoomed(table, () -> fit(table, viewModel, resources));
    }

    private static void fit(TableView<JobRowViewModel> table, JobsBrowserViewModel viewModel, ResourceBundle resources) {
        Font headerFont = ColumnFit.headerFont(table);
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
            double width = Math.max(ColumnFit.width(headerFont, List.of(c.getText() == null ? "" : c.getText())),
                    ColumnFit.width(cellFont, values) + extra) + ColumnFit.PADDING;
            c.setPrefWidth(Math.ceil(width));
            c.getProperties().put(ColumnLayout.AUTO_WIDTH, Math.ceil(width));
            c.getProperties().put(ZoomedColumns.FITTED, true);
        }
    }

    /** "8 — In progress" as the cell shows it: "In progress". */
    private static String name(String label) {
        int dash = label.indexOf(" \u2014 ");
        return dash < 0 ? label : label.substring(dash + 3);
    }
}
