package com.jobsconsole.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * A picture of a view as plain pixels (ARGB, row by row), so a view-model can save what a view drew
 * without knowing JavaFX's scene graph.
 */
public record Picture(int width, int height, int[] argb) {

    public Picture {
        if (width < 1 || height < 1 || argb.length != width * height) {
            throw new IllegalArgumentException("a picture of " + width + "x" + height + " needs " + width * height
                    + " pixels, not " + argb.length);
        }
    }

    /** Writes the picture as a PNG, through a temporary file beside it (no half file on a failure). */
    public void writePng(Path file) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
