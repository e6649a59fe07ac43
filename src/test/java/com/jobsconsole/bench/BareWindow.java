package com.jobsconsole.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;

/**
 * The start-up benchmark's baseline: the barest window of the same JavaFX jars, a menu bar and an
 * empty table, titled "Bare Window". {@code -Djobs.console.trace=startup} marks when it is shown.
 */
public final class BareWindow {

    private BareWindow() {
    }

    /** Not in the Application subclass, so it starts from a plain class path as the console does. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {

        @Override
        public void start(Stage stage) {
            MenuItem quit = new MenuItem("Quit");
            quit.setOnAction(e -> Platform.exit());
            MenuBar menus = new MenuBar(new Menu("File", null, quit));
            TableView<String> table = new TableView<>();
            table.getColumns().add(new TableColumn<>("Guid"));
            table.getColumns().add(new TableColumn<>("Status"));
            BorderPane root = new BorderPane(table, menus, null, null, null);
            stage.setTitle("Bare Window");
            stage.setScene(new Scene(root, 1280, 720));
            stage.show();
            if ("startup".equals(System.getProperty("jobs.console.trace"))) {
                System.err.println("startup " + (System.currentTimeMillis()
                        - ManagementFactory.getRuntimeMXBean().getStartTime()) + " ms: window shown");
            }
        }
    }
}
