package com.jobsconsole.profiles;

import com.jobsconsole.base.AuthScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One cache per orchestrator URL, whatever the profile is called; a cache from before moves there once. */
class ConnectionProfileCacheTest {

    @TempDir
    Path dir;

    private static ConnectionProfile profile(String name, String url) {
        return new ConnectionProfile(name, url, AuthScheme.BEARER, 5, 15, null);
    }

    @Test
    void profilesOfOneUrlShareACacheAndOtherUrlsDoNot() {
        Path a = profile("Prod", "https://rpa.example.com").cacheFile(dir);
        assertThat(profile("Prod renamed", "https://RPA.example.com/").cacheFile(dir)).isEqualTo(a);
        assertThat(profile("Prod", "https://rpa.example.com:8443").cacheFile(dir)).isNotEqualTo(a);
        assertThat(profile("Prod", "https://rpa.example.com/tenant-2").cacheFile(dir)).isNotEqualTo(a);
        assertThat(a.getFileName().toString()).isEqualTo("rpa.example.com-https.sqlite");
    }

    @Test
    void aCacheNamedAfterItsProfileMovesToTheSharedNameOnceWithItsSideFiles() throws Exception {
        ConnectionProfile p = profile("Plant 7", "http://10.0.0.7:8080");
        Path old = dir.resolve(p.legacyCacheFileName());
        Files.writeString(old, "cache");
        Files.writeString(Path.of(old + "-wal"), "wal");
        Path shared = p.cacheFile(dir);
        assertThat(shared).hasContent("cache");
        assertThat(Path.of(shared + "-wal")).hasContent("wal");
        assertThat(old).doesNotExist();
        // once the shared cache exists, an old file left behind (another profile's) is not moved over it
        Files.writeString(old, "other");
        assertThat(p.cacheFile(dir)).hasContent("cache");
        assertThat(old).hasContent("other");
    }
}
