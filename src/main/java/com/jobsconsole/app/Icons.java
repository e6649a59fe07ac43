package com.jobsconsole.app;

import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's icon on a window, in the sizes generated from {@code assets/icons/jobs-console.svg}
 * by {@code packaging/icons.sh}: the window system picks the one that fits (title bar, task bar, Alt+Tab).
 */
public final class Icons {

    private static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private Icons() {
    }

    public static void setOn(Stage stage) {
        List<Image> images = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream png = Icons.class.getResourceAsStream("/com/jobsconsole/icons/jobs-console-" + size + ".png")) {
                if (png != null) {
                    images.add(new Image(png));
                }
            } catch (IOException e) {
                // an icon less: the window system scales another
            }
        }
        stage.getIcons().setAll(images);
    }
}
