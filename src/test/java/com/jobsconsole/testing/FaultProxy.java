package com.jobsconsole.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A small HTTP/1.1 proxy between the console and a real {@code serve}, for the faults a real server
 * cannot be asked to make: drop the connection after the server committed (its answer is read, then
 * thrown away), hang, answer a web server's HTML 404 or a 503, and refuse connections (nothing
 * listens on the port). One request per connection ({@code Connection: close} both ways).
 */
public final class FaultProxy implements AutoCloseable {

    public enum Fault { PASS, DROP_AFTER_COMMIT, HANG, HTML_404, SERVICE_UNAVAILABLE }

    private record Rule(Predicate<String> requestLine, Fault fault, AtomicInteger times) {
    }

    private final InetSocketAddress upstream;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** Every request line received, in order (also those refused a fault). */
    public final List<String> received = new CopyOnWriteArrayList<>();
    /** Told each request line the server has answered, before its answer goes back (the test may hold it there). */
    public volatile Consumer<String> beforeAnswer = line -> { };
    /** Added before each request is passed on (a slow network). */
    public volatile long delayMillis;
    private volatile ServerSocket listener;
    private volatile Thread acceptor;
    private final int port;
    private volatile boolean closed;

    public FaultProxy(int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.port = s.getLocalPort();
        listen(s);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Makes the next {@code times} requests whose request line matches fail with {@code fault}. */
    public FaultProxy fail(Predicate<String> requestLine, Fault fault, int times) {
        rules.add(new Rule(requestLine, fault, new AtomicInteger(times)));
        return this;
    }

    /** Every request fails with {@code fault} until {@link #heal()}. */
    public FaultProxy failAll(Fault fault) {
        return fail(line -> true, fault, Integer.MAX_VALUE);
    }

    /** No more faults; connections are accepted again. */
    public synchronized FaultProxy heal() throws IOException {
        rules.clear();
        if (listener == null || listener.isClosed()) {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listen(s);
        }
        return this;
    }

    /**
     * Stops listening: connecting is refused until {@link #heal()}. Waits for the accepting thread to
     * end: until then the JDK keeps the socket open (a close while a thread is blocked in accept is
     * deferred), and about one connection in 25 would still be accepted (measured).
     */
    public synchronized FaultProxy refuse() throws IOException {
        listener.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    private void listen(ServerSocket s) {
        listener = s;
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket client = s.accept();
                    open.add(client);
                    Thread h = new Thread(() -> handle(client), "fault-proxy-connection");
                    h.setDaemon(true);
                    h.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "fault-proxy");
        t.setDaemon(true);
        acceptor = t;
        t.start();
    }

    private Fault faultFor(String line) {
        for (Rule r : rules) {
            if (r.requestLine.test(line) && r.times.getAndDecrement() > 0) {
                return r.fault;
            }
        }
        return Fault.PASS;
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String headText = new String(head, StandardCharsets.ISO_8859_1);
            String line = headText.substring(0, headText.indexOf("\r\n"));
            byte[] body = in.readNBytes(contentLength(headText));
            received.add(line);
            Fault fault = faultFor(line);
            OutputStream out = client.getOutputStream();
            switch (fault) {
                case PASS -> {
                    byte[] answer = forward(headText, body);
                    beforeAnswer.accept(line);
                    out.write(answer);
                }
                case DROP_AFTER_COMMIT -> {
                    forward(headText, body); // the server did the work; its answer never arrives
                    client.setSoLinger(true, 0);
                }
                case HANG -> {
                    while (!closed && !client.isClosed() && in.read() >= 0) {
                        Thread.onSpinWait();
                    }
                }
                case HTML_404 -> out.write(answer(404, "Not Found", "text/html",
                        "<html><body><h1>404 Not Found</h1><hr>nginx</body></html>"));
                case SERVICE_UNAVAILABLE -> out.write(answer(503, "Service Unavailable", "text/html",
                        "<html><body>down for maintenance</body></html>"));
            }
            out.flush();
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(client);
        }
    }

    private byte[] forward(String headText, byte[] body) throws IOException {
        if (delayMillis > 0) {
            LockSupport.parkNanos(delayMillis * 1_000_000L); // the network's latency, not a wait for a condition
        }
        try (Socket server = new Socket(upstream.getAddress(), upstream.getPort())) {
            OutputStream out = server.getOutputStream();
            out.write(withConnectionClose(headText).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = server.getInputStream();
            byte[] responseHead = readHead(in);
            if (responseHead == null) {
                throw new SocketException("the server closed the connection without an answer");
            }
            String responseText = new String(responseHead, StandardCharsets.ISO_8859_1);
            int length = contentLength(responseText);
            byte[] responseBody = length >= 0 ? in.readNBytes(length) : in.readAllBytes();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(withConnectionClose(responseText).getBytes(StandardCharsets.ISO_8859_1));
            all.write(responseBody);
            return all.toByteArray();
        }
    }

    /** The head (through the blank line) or null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String h : head.split("\r\n")) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                return Integer.parseInt(h.substring(colon + 1).trim());
            }
        }
        return head.startsWith("HTTP/") ? -1 : 0;
    }

    private static String withConnectionClose(String head) {
        StringBuilder b = new StringBuilder();
        for (String h : head.split("\r\n")) {
            if (h.isEmpty() || h.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                continue;
            }
            b.append(h).append("\r\n");
        }
        return b.append("Connection: close\r\n\r\n").toString();
    }

    private static byte[] answer(int status, String reason, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n";
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        all.writeBytes(bytes);
        return all.toByteArray();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
