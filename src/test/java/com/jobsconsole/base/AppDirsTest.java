package com.jobsconsole.base;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppDirsTest {

    @Test
    void linuxFollowsXdg() {
        AppDirs d = AppDirs.resolve("Linux", Map.of(), "/home/ann", null);
        assertThat(d.defaultStore()).isEqualTo(Path.of("/home/ann/.local/share/jobs-console/jobs.sqlite"));
        assertThat(d.settingsFile()).isEqualTo(Path.of("/home/ann/.config/jobs-console/settings.json"));
        AppDirs x = AppDirs.resolve("Linux", Map.of("XDG_DATA_HOME", "/data", "XDG_CONFIG_HOME", "/cfg"), "/home/ann", null);
        assertThat(x.dataDir()).isEqualTo(Path.of("/data/jobs-console"));
        assertThat(x.configDir()).isEqualTo(Path.of("/cfg/jobs-console"));
    }

    @Test
    void windowsUsesAppData() {
        AppDirs d = AppDirs.resolve("Windows 11", Map.of("APPDATA", "/C/Users/ann/AppData/Roaming"), "/C/Users/ann", null);
        assertThat(d.dataDir()).isEqualTo(Path.of("/C/Users/ann/AppData/Roaming/JobsConsole"));
    }

    @Test
    void macUsesApplicationSupport() {
        AppDirs d = AppDirs.resolve("Mac OS X", Map.of(), "/Users/ann", null);
        assertThat(d.dataDir()).isEqualTo(Path.of("/Users/ann/Library/Application Support/JobsConsole"));
    }

    @Test
    void theStoreComesFromTheOptionThenTheEnvironmentThenTheLastOneThenTheDefault() {
        AppDirs d = AppDirs.resolve("Linux", Map.of(), "/home/ann", null);
        Map<String, String> env = Map.of(AppDirs.STORE_ENV, "/env/jobs.sqlite");
        assertThat(d.startupStore(Path.of("/opt/x.sqlite"), env, "/last.sqlite")).isEqualTo(Path.of("/opt/x.sqlite"));
        assertThat(d.startupStore(null, env, "/last.sqlite")).isEqualTo(Path.of("/env/jobs.sqlite"));
        assertThat(d.startupStore(null, Map.of(), "/last.sqlite")).isEqualTo(Path.of("/last.sqlite"));
        assertThat(d.startupStore(null, Map.of(), null)).isEqualTo(d.defaultStore());
    }

    @Test
    void oneHomeFolderCanHoldEverything() {
        AppDirs d = AppDirs.resolve("Linux", Map.of(), "/home/ann", "/portable");
        assertThat(d.defaultStore()).isEqualTo(Path.of("/portable/data/jobs.sqlite"));
        assertThat(d.settingsFile()).isEqualTo(Path.of("/portable/config/settings.json"));
    }
}
