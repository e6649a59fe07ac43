package com.jobsconsole.base;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code -Djobs.console.trace=startup}, in a real JVM started for the purpose (the flag is read once). */
class StartupTraceTest {

    @TempDir
    Path home;

    private String run(String... options) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Djobs.console.home=" + home));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.jobsconsole.app.Launcher",
                "--version"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }

    @Test
    void onItPrintsTheMillisecondsSinceTheJvmStartedAtEachStep() throws Exception {
        String out = run("-Djobs.console.trace=startup");
        Matcher m = Pattern.compile("startup (\\d+) ms: main").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        // the JVM's own start time: main comes after a few tens of milliseconds, not a second off
        assertThat(Long.parseLong(m.group(1))).isBetween(0L, 10_000L);
        assertThat(out).contains("Jobs Console ");
    }

    @Test
    void offItPrintsNothing() throws Exception {
        assertThat(run()).doesNotContain("startup").startsWith("Jobs Console ");
    }
}
