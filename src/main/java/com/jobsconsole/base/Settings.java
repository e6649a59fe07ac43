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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

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
    /** Desktop notifications for jobs that become stuck (issue 21). */
    public boolean stuckNotifications = true;
    /** The command palette's entries used lately, oldest first (issue 23). */
    public List<String> paletteUsed = new ArrayList<>();
    /** The interface's text size, 1.0 being 100% (View → Zoom; issue 23). */
    public double zoom = 1.0;
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
            write(file, MAPPER.writeValueAsBytes(this));
        } catch (IOException e) {
            LOG.warn("cannot save settings to {}: {}", file, e.getMessage());
        }
    }

    /**
     * Saves a copy of the settings as they are now, on a background thread (the window's changes are
     * never written on the FX thread); the newest copy wins. {@link #flushSaves} waits for them.
     */
    public void saveLater(Path file) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            LOG.warn("cannot save settings to {}: {}", file, e.getMessage());
            return;
        }
        writeLater(file, bytes);
    }

    /**
     * Writes a file of the user's (the settings, the saved views) on a background thread, through a temporary
     * file; when several copies of one file are asked for, the newest wins. {@link #flushSaves} waits for them.
     */
    public static void writeLater(Path file, byte[] bytes) {
        AtomicLong asked = SAVES_ASKED.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new AtomicLong());
        long mine = asked.incrementAndGet();
        SAVER.execute(() -> {
            if (asked.get() == mine) { // a newer copy of this file is on its way: this one is out of date
                try {
                    write(file, bytes);
                } catch (IOException e) {
                    LOG.warn("cannot save {}: {}", file, e.getMessage());
                }
            }
        });
    }

    /** Waits (a few seconds at most) for the settings saved later to be written: before the application ends. */
    public static void flushSaves() {
        try {
            SAVER.submit(() -> { }).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("settings not written yet: {}", e.toString());
        }
    }

    private static final ExecutorService SAVER = Executors.newSingleThreadExecutor(DaemonThreads.named("jobs-console-settings"));
    private static final Map<Path, AtomicLong> SAVES_ASKED = new ConcurrentHashMap<>();

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
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
