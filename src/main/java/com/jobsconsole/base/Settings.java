package com.jobsconsole.base;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** What the user chose and the app remembers: language, theme, recent stores. Kept as JSON. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Settings {

    public static final int MAX_RECENT = 8;
    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** "en" or "ru"; null until the user chooses (then the OS locale decides). */
    public String language;
    /** "light" or "dark". */
    public String theme = "light";
    /** The jobs browser's columns: "id:width:visible", in the user's order. */
    public List<String> browserColumns = new ArrayList<>();
    /** The method panel collapsed to its tab strip. */
    public boolean methodsCollapsed;
    /** The jobs browser's share of the height it shares with the method panel (0: never set). */
    public double browserShare;
    /** Desktop notifications for jobs that enter Failed or Aborted. */
    public boolean notifications = true;
    /** Most recent first. */
    public List<String> recentStores = new ArrayList<>();

    public static Settings load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Settings();
        }
        try {
            return MAPPER.readValue(file.toFile(), Settings.class);
        } catch (IOException e) {
            LOG.warn("settings file {} cannot be read, using defaults: {}", file, e.getMessage());
            return new Settings();
        }
    }

    /** Writes the settings through a temporary file, so a crash never leaves half a file. */
    public void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writeValue(tmp.toFile(), this);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("cannot save settings to {}: {}", file, e.getMessage());
        }
    }

    /** Puts a store at the top of the recent list. */
    public void rememberStore(Path store) {
        String s = store.toAbsolutePath().normalize().toString();
        recentStores.remove(s);
        recentStores.add(0, s);
        while (recentStores.size() > MAX_RECENT) {
            recentStores.remove(recentStores.size() - 1);
        }
    }

    public String lastStore() {
        return recentStores.isEmpty() ? null : recentStores.get(0);
    }
}
