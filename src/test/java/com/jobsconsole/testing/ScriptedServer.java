package com.jobsconsole.testing;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A fake orchestrator for the cases a real server cannot produce: a scripted status and body, an
 * answer that never comes (until the test ends), a half-written response, TLS with a certificate
 * the client does not trust. Loopback only.
 */
public final class ScriptedServer implements AutoCloseable {

    public final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer http;
    private ServerSocket raw;
    private Thread rawThread;
    private volatile int status = 200;
    private volatile String body = "[]";

    public static ScriptedServer http() throws IOException {
        ScriptedServer s = new ScriptedServer();
        s.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        s.install();
        return s;
    }

    public static ScriptedServer https(SSLContext context) throws IOException {
        ScriptedServer s = new ScriptedServer();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        s.http = server;
        s.install();
        return s;
    }

    /** A server that sends headers promising more body than it writes, then hangs up. */
    public static ScriptedServer truncated(String partialBody) throws IOException {
        ScriptedServer s = new ScriptedServer();
        s.raw = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        s.rawThread = new Thread(() -> {
            while (!s.raw.isClosed()) {
                try (Socket c = s.raw.accept()) {
                    c.getInputStream().read(new byte[8192]);
                    byte[] b = partialBody.getBytes(StandardCharsets.UTF_8);
                    OutputStream out = c.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                            + (b.length + 500) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(b);
                    out.flush();
                } catch (IOException e) {
                    // closed by the test, or the client gave up
                }
            }
        }, "truncating-server");
        s.rawThread.setDaemon(true);
        s.rawThread.start();
        return s;
    }

    private void install() {
        http.createContext("/", ex -> {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " "
                    + String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            ex.getRequestBody().readAllBytes();
            if (status < 0) {
                // "slow": answer only when the test is over
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(Math.abs(status), b.length == 0 ? -1 : b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "scripted-server");
            t.setDaemon(true);
            return t;
        }));
        http.start();
    }

    /** The next answers: this status and body. */
    public ScriptedServer answer(int newStatus, String newBody) {
        this.status = newStatus;
        this.body = newBody;
        return this;
    }

    /** The next answers take longer than any client timeout (until {@link #close()}). */
    public ScriptedServer slow() {
        this.status = -200;
        return this;
    }

    public String baseUrl() {
        int port = http != null ? http.getAddress().getPort() : raw.getLocalPort();
        return (http instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port;
    }

    public String httpsUrlWithHostName() {
        return "https://localhost:" + http.getAddress().getPort();
    }

    @Override
    public void close() throws IOException {
        release.countDown();
        if (http != null) {
            http.stop(0);
        }
        if (raw != null) {
            raw.close();
        }
    }
}
