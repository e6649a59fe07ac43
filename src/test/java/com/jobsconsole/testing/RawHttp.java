package com.jobsconsole.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP/1.1 by hand over a socket, for what a well-behaved client cannot send: bad escapes in a path,
 * control characters, bytes that are not UTF-8. {@link #send} answers the status and body, or
 * {@link Answer#closed} when the server closed without an answer.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** What came back: the status (0 when the connection closed without one), the body, the time. */
    public record Answer(int status, String body, long millis) {
        public boolean closed() {
            return status == 0;
        }
    }

    public static String bearer() {
        return "Bearer " + Base64.getEncoder().encodeToString(LocalApiServer.KEY.reveal().getBytes(StandardCharsets.UTF_8));
    }

    /** A request with the usual headers (Host, the test key, Content-Length, Connection: close). */
    public static byte[] request(String method, byte[] target, String contentType, byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(method.getBytes(StandardCharsets.ISO_8859_1));
        b.write(' ');
        b.writeBytes(target);
        b.writeBytes((" HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer() + "\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        if (contentType != null) {
            b.writeBytes(("Content-Type: " + contentType + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        b.writeBytes(("Content-Length: " + (body == null ? 0 : body.length) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            b.writeBytes(body);
        }
        return b.toByteArray();
    }

    /** Sends the bytes as they are and reads the answer, waiting at most {@code timeoutMillis}. */
    public static Answer send(int port, byte[] request, int timeoutMillis) throws IOException {
        long start = System.nanoTime();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may close early (a request line it refuses): what it answered is still read
            }
            String text;
            try {
                text = new String(readAll(s.getInputStream()), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer within " + timeoutMillis + " ms", e);
            } catch (IOException e) {
                text = ""; // reset by the server
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!text.startsWith("HTTP/1.1 ")) {
                return new Answer(0, text, millis);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyAt = text.indexOf("\r\n\r\n");
            return new Answer(status, bodyAt < 0 ? "" : text.substring(bodyAt + 4), millis);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
