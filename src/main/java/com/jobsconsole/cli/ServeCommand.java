package com.jobsconsole.cli;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AppDirs;
import com.jobsconsole.base.DaemonThreads;
import com.jobsconsole.gateway.ThisProcess;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.StoreMarks;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.server.JobApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve HTTPS with this PKCS#12 key store (its key and certificate). Required with a --host "
                    + "other than a loopback address, unless --insecure-http.")
    Path tlsKeystore;

    @Option(names = "--tls-password-file", paramLabel = "FILE",
            description = "File whose first line is the key store's password (never an argument).")
    Path tlsPasswordFile;

    @Option(names = "--tls-password-env", paramLabel = "VAR",
            description = "Environment variable holding the key store's password.")
    String tlsPasswordEnv;

    @Option(names = "--insecure-http", description = "Serve plain HTTP beyond this machine anyway: the API key "
            + "crosses the network readable (a warning is printed at start).")
    boolean insecureHttp;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Seconds the requests in flight get to finish when the server stops. */
    static final int GRACE_SECONDS = 2;
    private static final int STOP_WAIT_SECONDS = 20;

    /** Counted down to stop the server (the shutdown hook does it on Ctrl-C and SIGTERM; tests do it directly). */
    final CountDownLatch stop = new CountDownLatch(1);
    /** Counted down once the server is stopped, the store closed and the "Stopped" line printed. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    volatile JobApiServer running;

    /**
     * The TLS context {@code --tls-keystore} asks for, or null for plain HTTP — which beyond a loopback address
     * only {@code --insecure-http} allows (with a warning): the API key never crosses a network unasked.
     */
    private SSLContext tls(PrintWriter err) {
        if (tlsKeystore == null) {
            if (tlsPasswordFile != null || tlsPasswordEnv != null) {
                throw new CliContext.CliUsageException("--tls-password-file and --tls-password-env go with --tls-keystore");
            }
            if (!loopback(host)) {
                if (!insecureHttp) {
                    throw new CliContext.CliUsageException("--host " + host + " is reachable from other machines: serve "
                            + "HTTPS with --tls-keystore FILE (and --tls-password-file or --tls-password-env), or say "
                            + "--insecure-http to send the API key in the clear");
                }
                err.println("serve: WARNING: plain HTTP on " + host + ": the API key and every job cross the network "
                        + "unencrypted (--insecure-http)");
                err.flush();
            }
            return null;
        }
        if (insecureHttp) {
            throw new CliContext.CliUsageException("--insecure-http and --tls-keystore do not go together");
        }
        if ((tlsPasswordFile == null) == (tlsPasswordEnv == null)) {
            throw new CliContext.CliUsageException("--tls-keystore needs one of --tls-password-file and --tls-password-env");
        }
        char[] password;
        try {
            String text = tlsPasswordFile != null ? Files.readAllLines(tlsPasswordFile).stream().findFirst().orElse("")
                    : System.getenv(tlsPasswordEnv);
            if (text == null) {
                throw new CliContext.CliUsageException("the variable " + tlsPasswordEnv + " is not set");
            }
            password = text.toCharArray();
        } catch (IOException e) {
            throw new CliContext.CliUsageException("cannot read " + tlsPasswordFile + ": " + e.getClass().getSimpleName());
        }
        try (InputStream in = Files.newInputStream(tlsKeystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            // the password is never in the message: only what went wrong with the file
            throw new CliContext.CliUsageException("cannot use the key store " + tlsKeystore + ": "
                    + (e instanceof IOException && e.getCause() instanceof UnrecoverableKeyException
                    ? "wrong password" : e.getClass().getSimpleName()));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

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
        SSLContext tls;
        try {
            tls = tls(err);
        } catch (CliContext.CliUsageException e) {
            err.println("serve: " + e.getMessage());
            return CliContext.INVALID_INPUT;
        }
        AppDirs dirs = CliContext.dirs();
        Path file = dirs.startupStore(store, System.getenv(), CliContext.settings().lastStore());
        JobGateway gateway;
        try {
            ThisProcess.is(ChangeOrigin.LOCAL_API);
            // a read-only store refuses every write (403): its marks are kept in the file
            gateway = StoreMarks.apply(SqliteJobGateway.open(file, CliContext.reference()));
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
            }, tls);
            running = server.start();
            // Ctrl-C and SIGTERM start the JVM's shutdown, which ends the process once its hooks return:
            // the hook holds it until the requests in flight are answered and the store is closed
            Thread hook = DaemonThreads.thread("jobs-console-serve-stop", () -> {
                stop.countDown();
                try {
                    stopped.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            out.printf("Serving the Job API on %s://%s:%d over %s (Ctrl-C stops)%n", tls == null ? "http" : "https", host,
                    server.port(), file);
            out.flush();
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.stop(GRACE_SECONDS); // no new connection; the requests in flight get their answers
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
            gateway.close(); // the last connection: SQLite checkpoints the WAL and removes -wal and -shm
            out.println("Stopped; every answered write is in " + file);
            out.flush();
            stopped.countDown();
        }
    }
}
