package com.jobsconsole.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** A cell's tooltip is made when the pointer first comes over it, then kept and given each new text. */
@ExtendWith(ApplicationExtension.class)
class CellTipsTest {

    private Label cell;
    private Label elsewhere;

    @Start
    void start(Stage stage) {
        cell = new Label("cell");
        elsewhere = new Label("elsewhere");
        StackPane left = new StackPane(cell);
        StackPane right = new StackPane(elsewhere);
        left.setPrefSize(200, 100);
        right.setPrefSize(200, 100);
        stage.setScene(new Scene(new HBox(left, right)));
        stage.show();
    }

    @Test
    void aTooltipIsMadeOnTheFirstHoverAndReusedForTheNextText(FxRobot robot) {
        robot.interact(() -> CellTips.set(cell, "robot_id = 25"));
        assertThat(cell.getTooltip()).as("nothing made before a hover").isNull();

        robot.moveTo(cell);
        Tooltip first = cell.getTooltip();
        assertThat(first).isNotNull();
        assertThat(first.getText()).isEqualTo("robot_id = 25");

        robot.moveTo(elsewhere);
        robot.interact(() -> CellTips.set(cell, null)); // the cell shows a row without a tip
        assertThat(cell.getTooltip()).isNull();
        robot.moveTo(cell);
        assertThat(cell.getTooltip()).as("no text, no tooltip").isNull();

        robot.moveTo(elsewhere);
        robot.interact(() -> CellTips.set(cell, "robot_id = 7"));
        robot.moveTo(cell);
        assertThat(cell.getTooltip()).as("the same tooltip, kept").isSameAs(first);
        assertThat(first.getText()).isEqualTo("robot_id = 7");

        robot.interact(() -> CellTips.set(cell, "robot_id = 8")); // refilled under the pointer
        assertThat(cell.getTooltip().getText()).isEqualTo("robot_id = 8");
    }

    @Test
    void aControlThatNeverSaysAnythingGetsNothing(FxRobot robot) {
        robot.interact(() -> CellTips.set(cell, null));
        robot.moveTo(cell);
        assertThat(cell.getTooltip()).isNull();
        assertThat(cell.getProperties()).isEmpty();
    }
}
