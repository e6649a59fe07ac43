package com.jobsconsole.testing;

import com.jobsconsole.app.Launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real command line in a process of its own (so that it can be killed with -9): {@code job ...} against {@code url}. */
public final class SyncProcess {

    private final Path home;
    private final Path keyFile;
    private final Path outDir;
    private int runs;

    public SyncProcess(Path dir) throws IOException {
        this.home = dir.resolve("home");
        this.keyFile = dir.resolve("key.txt");
        this.outDir = dir;
        Files.writeString(keyFile, LocalApiServer.KEY.reveal() + "\n");
    }

    public Path home() {
        return home;
    }

    public Path keyFile() {
        return keyFile;
    }

    /** Starts {@code jobs-console job ARGS --remote url --api-key-file KEY}; its output goes to a file. */
    public Process start(String url, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djobs.console.home=" + home, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "job"));
        command.addAll(List.of(args));
        command.addAll(List.of("--remote", url, "--api-key-file", keyFile.toString(), "--timeout", "2"));
        Path out = outDir.resolve("run-" + (runs++) + ".out");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    /** Runs it to its end; returns the exit code. */
    public int run(String url, String... args) throws IOException, InterruptedException {
        Process p = start(url, args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("job " + String.join(" ", args) + " did not finish");
        }
        return p.exitValue();
    }

    /** What the last run printed. */
    public String lastOutput() throws IOException {
        return Files.readString(outDir.resolve("run-" + (runs - 1) + ".out"));
    }

    public String output(int run) throws IOException {
        return Files.readString(outDir.resolve("run-" + run + ".out"));
    }

    public int runs() {
        return runs;
    }
}
