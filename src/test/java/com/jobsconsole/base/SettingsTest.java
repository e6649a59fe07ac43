package com.jobsconsole.base;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void choicesAreRememberedAcrossRuns() {
        Path file = dir.resolve("cfg/settings.json");
        Settings s = new Settings();
        s.language = "ru";
        s.theme = "dark";
        s.rememberStore(dir.resolve("a.sqlite"));
        s.rememberStore(dir.resolve("b.sqlite"));
        s.rememberStore(dir.resolve("a.sqlite"));
        s.save(file);

        Settings loaded = Settings.load(file);
        assertThat(loaded.language).isEqualTo("ru");
        assertThat(loaded.theme).isEqualTo("dark");
        assertThat(loaded.recentStores).containsExactly(dir.resolve("a.sqlite").toString(), dir.resolve("b.sqlite").toString());
        assertThat(loaded.lastStore()).isEqualTo(dir.resolve("a.sqlite").toString());
    }

    @Test
    void theRecentListIsShort() {
        Settings s = new Settings();
        for (int i = 0; i < 20; i++) {
            s.rememberStore(dir.resolve(i + ".sqlite"));
        }
        assertThat(s.recentStores).hasSize(Settings.MAX_RECENT).first().isEqualTo(dir.resolve("19.sqlite").toString());
    }

    @Test
    void aDamagedFileGivesDefaultsInsteadOfAFailure() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ not json");
        Settings s = Settings.load(file);
        assertThat(s.language).isNull();
        assertThat(s.theme).isEqualTo("light");
        assertThat(Settings.load(dir.resolve("missing.json")).recentStores).isEmpty();
    }
}
