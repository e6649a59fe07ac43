package com.jobsconsole.cli;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AppDirs;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.server.JobApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code serve}: the documented Job API over a SQLite store, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the documented Job API over a SQLite store (for robots and scripts on this machine).")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--store", paramLabel = "PATH", description = "SQLite store file (default: the GUI's store).")
    Path store;

    @Option(names = "--port", defaultValue = "8765", description = "TCP port (default 8765; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind (default 127.0.0.1: this machine only).")
    String host;

    @Option(names = "--api-key-file", required = true, paramLabel = "FILE",
            description = "File whose first line is the API key clients must send.")
    Path apiKeyFile;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Counted down to stop the server (the shutdown hook does it on Ctrl-C; tests do it directly). */
    final CountDownLatch stop = new CountDownLatch(1);
    volatile JobApiServer running;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("serve: --port must be 0 to 65535");
            return CliContext.INVALID_INPUT;
        }
        ApiKey key;
        try {
            List<String> lines = Files.readAllLines(apiKeyFile);
            key = ApiKey.of(lines.isEmpty() ? "" : lines.get(0));
        } catch (IOException | IllegalArgumentException e) {
            err.println("serve: cannot use the API key file " + apiKeyFile + ": "
                    + (e instanceof IOException ? e.getClass().getSimpleName() : e.getMessage()));
            return CliContext.INVALID_INPUT;
        }
        AppDirs dirs = CliContext.dirs();
        Path file = dirs.startupStore(store, System.getenv(), CliContext.settings().lastStore());
        SqliteJobGateway gateway;
        try {
            gateway = SqliteJobGateway.open(file, CliContext.reference());
        } catch (RuntimeException e) {
            err.println("serve: " + CliContext.describe(e));
            return CliContext.exitCode(e);
        }
        try {
            JobApiServer server = new JobApiServer(gateway, CliContext.reference(), key, new InetSocketAddress(host, port), 8, line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            });
            running = server.start();
            Thread hook = new Thread(stop::countDown, "jobs-console-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.printf("Serving the Job API on http://%s:%d over %s (Ctrl-C stops)%n", host, server.port(), file);
            out.flush();
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.stop(1);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook has run
            }
            return CliContext.OK;
        } catch (IOException e) {
            err.println("serve: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return CliContext.UNAVAILABLE;
        } finally {
            gateway.close();
            out.println("Stopped; every answered write is in " + file);
            out.flush();
        }
    }
}
