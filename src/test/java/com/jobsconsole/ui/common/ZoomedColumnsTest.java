package com.jobsconsole.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Columns of a width written for 100% follow the zoom; a dragged width stays, and its "auto" (a saved view's)
 * gives the width at the zoom of the day; a column sized by its content, and a table that shares its width out,
 * are left alone.
 */
@ExtendWith(ApplicationExtension.class)
class ZoomedColumnsTest {

    private TableView<String> table;
    private TableColumn<String, String> robot;
    private TableColumn<String, String> process;
    private TableColumn<String, String> fitted;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        robot = column("robot", 100, 60);
        process = column("process", 170, 10);
        fitted = column("status", 120, 10);
        table.getColumns().setAll(List.of(robot, process, fitted));
        // as the jobs browser: the layout kept (the process column dragged to 200), the status sized by content
        ColumnLayout.restoreAndRemember(table, List.of("robot:auto:true", "process:200:true", "status:auto:true"),
                layout -> { }, layout -> { });
        fitted.getProperties().put(ZoomedColumns.FITTED, true);
        stage.setScene(new Scene(table, 600, 200));
        stage.show();
    }

    private static TableColumn<String, String> column(String id, double width, double min) {
        TableColumn<String, String> c = new TableColumn<>(id);
        c.setId(id);
        c.setPrefWidth(width);
        c.setMinWidth(min);
        return c;
    }

    @Test
    void aWrittenWidthFollowsTheZoomADraggedOneStaysAndItsAutoFollows(FxRobot fx) {
        assertThat(process.getPrefWidth()).as("dragged").isEqualTo(200);
        fx.interact(() -> ZoomedColumns.scale(table, 1.5));
        assertThat(robot.getPrefWidth()).isEqualTo(150);
        assertThat(robot.getMinWidth()).isEqualTo(90);
        assertThat(process.getPrefWidth()).as("the dragged width stays").isEqualTo(200);
        assertThat(fitted.getPrefWidth()).as("sized by content: measured again elsewhere").isEqualTo(120);

        // a saved view says "auto" for the dragged column: its width at 150%, not at 100%
        fx.interact(() -> ColumnLayout.apply(table, List.of("robot:auto:true", "process:auto:true", "status:auto:true")));
        assertThat(process.getPrefWidth()).isEqualTo(255);

        fx.interact(() -> ZoomedColumns.scale(table, 1.0));
        assertThat(robot.getPrefWidth()).isEqualTo(100);
        assertThat(robot.getMinWidth()).isEqualTo(60);
        assertThat(process.getPrefWidth()).isEqualTo(170);
    }

    @Test
    void aTableThatSharesItsWidthOutIsLeftToShareIt(FxRobot fx) {
        fx.interact(() -> {
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            ZoomedColumns.scale(table, 2.0);
        });
        assertThat(robot.getMinWidth()).isEqualTo(60);
        assertThat(fitted.getPrefWidth()).isEqualTo(120);
    }
}
