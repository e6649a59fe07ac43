package com.jobsconsole.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connections that send a request one byte every 300 ms, never finishing their headers: the slow
 * (or hostile) clients {@code serve} must not be frozen by.
 */
public final class SlowClients implements AutoCloseable {

    private static final byte[] REQUEST = "GET /api/job/read/00000000-0000-0000-0000-000000000000 HTTP/1.1\r\nHost: x\r\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trickle");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger rounds = new AtomicInteger();
    private volatile int closedByServer;

    public SlowClients(int port, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            sockets.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        trickle.scheduleAtFixedRate(this::oneByteEach, 0, 300, TimeUnit.MILLISECONDS);
    }

    private void oneByteEach() {
        int at = rounds.get();
        int closed = 0;
        for (Socket s : sockets) {
            try {
                OutputStream out = s.getOutputStream();
                out.write(REQUEST[at % REQUEST.length]);
                out.flush();
            } catch (IOException e) {
                closed++;
            }
        }
        closedByServer = closed;
        rounds.incrementAndGet();
    }

    /** How many times every connection has sent its next byte. */
    public int rounds() {
        return rounds.get();
    }

    /** How many of them the server has closed (a write to them failed). */
    public int closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() throws IOException {
        trickle.shutdownNow();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
