package com.jobsconsole.testing;

import com.jobsconsole.app.Launcher;
import picocli.CommandLine;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A subprocess that runs the real command line in a loop of writes to an orchestrator until it is
 * killed: for each i, create job i, set it In progress, and delete every fourth; every other job's
 * writes with {@code --queue}. Before each command it appends "I i op" to a log, after it "A i op rc"
 * (each line written straight to the file, so a kill -9 keeps every line already written). A restart
 * goes on after the last i in the log.
 *
 * <p>Arguments: base URL, API key file, log file.
 */
public final class CliWriteLoop {

    private CliWriteLoop() {
    }

    /** The GUID the loop gives job i (the same in every run). */
    public static UUID guid(int i) {
        return UUID.nameUUIDFromBytes(("crash-loop-job-" + i).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws IOException {
        String url = args[0];
        String keyFile = args[1];
        Path log = Path.of(args[2]);
        int start = 0;
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                String[] f = line.split(" ");
                if (f.length >= 3) {
                    start = Math.max(start, Integer.parseInt(f[1]) + 1);
                }
            }
        }
        try (OutputStream out = new FileOutputStream(log.toFile(), true)) {
            for (int i = start; ; i++) {
                String guid = guid(i).toString();
                boolean queue = i % 2 == 0;
                run(out, i, "create", queue, url, keyFile, "job", "create", "--guid", guid, "--process-version",
                        String.valueOf(i + 1), "--robot", "1");
                run(out, i, "update", queue, url, keyFile, "job", "update", guid, "--status", "8");
                if (i % 4 == 0) {
                    run(out, i, "delete", queue, url, keyFile, "job", "delete", guid);
                }
            }
        }
    }

    private static void run(OutputStream log, int i, String op, boolean queue, String url, String keyFile,
                            String... command) throws IOException {
        log.write(("I " + i + " " + op + "\n").getBytes(StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--remote", url, "--api-key-file", keyFile, "--timeout", "2"));
        if (queue) {
            args.add("--queue");
        }
        CommandLine cl = new CommandLine(new Launcher());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        int rc = cl.execute(args.toArray(String[]::new));
        log.write(("A " + i + " " + op + " " + rc + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
