package com.jobsconsole.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections that send a request one byte every 300 ms, never finishing their headers: the slow
 * (or hostile) clients {@code serve} must not be frozen by.
 */
public final class SlowClients implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int closedByServer;

    public SlowClients(int port, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            sockets.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        byte[] request = "GET /api/job/read/00000000-0000-0000-0000-000000000000 HTTP/1.1\r\nHost: x\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        thread = new Thread(() -> {
            int at = 0;
            while (running) {
                int closed = 0;
                for (Socket s : sockets) {
                    try {
                        OutputStream out = s.getOutputStream();
                        out.write(request[at % request.length]);
                        out.flush();
                    } catch (IOException e) {
                        closed++;
                    }
                }
                closedByServer = closed;
                at++;
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "trickle");
        thread.setDaemon(true);
        thread.start();
    }

    /** How many of them the server has closed (a write to them failed). */
    public int closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() throws IOException {
        running = false;
        thread.interrupt();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
