package com.jobsconsole.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jobsconsole.base.AppDirs;
import com.jobsconsole.base.DaemonThreads;
import com.jobsconsole.gateway.Guids;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One window per user (issue 23): the running window listens on a local socket of the user's own; a second
 * start that has something to open ({@code --open}, a link) hands it over there and ends, and the running
 * window opens it. The socket file is the user's alone (mode 600), and on Linux and macOS the window also
 * asks the system who connected and refuses anyone but its own user. A socket left by a window that died is
 * taken over.
 */
public final class SingleInstance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest request read (a GUID, a profile name, a path). */
    private static final int MAX_REQUEST = 8192;
    /** How long either side waits for the other before giving up. */
    private static final long WAIT_MILLIS = 5_000;
    /** The longest path a Unix socket may have (108 bytes on Linux, 104 on macOS, with room to spare). */
    private static final int MAX_SOCKET_PATH = 100;

    private final Path socket;
    private final ServerSocketChannel server;

    private SingleInstance(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
    }

    /** Where this user's window listens: in the data folder, or the temporary folder when that path is too long. */
    public static Path socketOf(AppDirs dirs) {
        Path inData = dirs.dataDir().resolve("instance.sock").toAbsolutePath();
        if (inData.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            return inData;
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "jobs-console-" + user + "-"
                + Integer.toHexString(inData.toString().hashCode()) + ".sock").toAbsolutePath();
    }

    /**
     * Hands a request to the window listening on {@code socket}; true when it took it, false when no window
     * listens there (or it did not answer in time, or refused).
     */
    public static boolean handOver(Path socket, OpenRequest request) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            Thread watchdog = closeLater(channel);
            try {
                channel.write(ByteBuffer.wrap((encode(request) + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.shutdownOutput();
                String reply = readLine(channel);
                return "ok".equals(reply);
            } finally {
                watchdog.interrupt();
            }
        } catch (IOException e) {
            LOG.debug("no window took the request at {}: {}", socket, e.toString());
            return false;
        }
    }

    /**
     * Listens on {@code socket} for requests handed over, each given to {@code onRequest} (on the listener's
     * thread). Null when another window of this user listens there already.
     */
    public static SingleInstance listen(Path socket, Consumer<OpenRequest> onRequest) throws IOException {
        Files.createDirectories(socket.getParent());
        if (Files.exists(socket)) {
            try (SocketChannel alive = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                return null; // a window answers there
            } catch (IOException dead) {
                Files.deleteIfExists(socket); // left by a window that died
            }
        }
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            server.close();
            throw e;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        }
        SingleInstance instance = new SingleInstance(socket, server);
        DaemonThreads.thread("jobs-console-instance", () -> instance.serve(onRequest)).start();
        return instance;
    }

    private void serve(Consumer<OpenRequest> onRequest) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                Thread watchdog = closeLater(client);
                try {
                    answer(client, onRequest);
                } finally {
                    watchdog.interrupt();
                }
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("a hand-over failed: {}", e.toString());
                }
            }
        }
    }

    private void answer(SocketChannel client, Consumer<OpenRequest> onRequest) throws IOException {
        String stranger = stranger(client);
        if (stranger != null) {
            LOG.warn("a hand-over from the user {} was refused: only {} may hand over to this window", stranger,
                    System.getProperty("user.name"));
            reply(client, "refused");
            return;
        }
        OpenRequest request;
        try {
            request = decode(readLine(client));
        } catch (IOException | RuntimeException e) {
            LOG.warn("a hand-over could not be read: {}", e.toString());
            reply(client, "invalid");
            return;
        }
        onRequest.accept(request);
        reply(client, "ok");
    }

    /**
     * The name of the user at the other end when it is not this one; null when it is (or when the system cannot
     * say: on Windows the socket is in the user's own folder, which others cannot open).
     */
    static String stranger(SocketChannel client) throws IOException {
        UnixDomainPrincipal peer;
        try {
            peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
        } catch (UnsupportedOperationException e) {
            return null;
        }
        String me = System.getProperty("user.name");
        String them = peer.user().getName();
        return them.equals(me) || them.toLowerCase(Locale.ROOT).equals(me.toLowerCase(Locale.ROOT)) ? null : them;
    }

    private static void reply(SocketChannel client, String word) throws IOException {
        client.write(ByteBuffer.wrap((word + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** Closes the channel if the other side has not done its part within {@value #WAIT_MILLIS} ms. */
    private static Thread closeLater(SocketChannel channel) {
        Thread t = DaemonThreads.thread("jobs-console-instance-wait", () -> {
            try {
                Thread.sleep(WAIT_MILLIS);
                channel.close();
            } catch (InterruptedException | IOException e) {
                // done in time, or closed already
            }
        });
        t.start();
        return t;
    }

    /** The first line the other side wrote (at most {@value #MAX_REQUEST} bytes). */
    private static String readLine(SocketChannel channel) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        while (out.size() <= MAX_REQUEST) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer.get(i);
                if (b == '\n') {
                    return out.toString(StandardCharsets.UTF_8);
                }
                out.write(b);
            }
        }
        if (out.size() > MAX_REQUEST) {
            throw new IOException("a request longer than " + MAX_REQUEST + " bytes");
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String encode(OpenRequest request) {
        ObjectNode node = JSON.createObjectNode();
        if (request.job() != null) {
            node.put("job", request.job().toString());
        }
        if (request.profile() != null) {
            node.put("profile", request.profile());
        }
        if (request.store() != null) {
            node.put("store", request.store().toAbsolutePath().normalize().toString());
        }
        return node.toString();
    }

    static OpenRequest decode(String line) throws IOException {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject()) {
            throw new IOException("not a request: " + line);
        }
        return new OpenRequest(node.hasNonNull("job") ? Guids.parse(node.get("job").asText()) : null,
                node.hasNonNull("profile") ? node.get("profile").asText() : null,
                node.hasNonNull("store") ? Path.of(node.get("store").asText()) : null);
    }

    /** Stops listening; the socket file goes (the next window listens afresh). */
    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("the window's socket {} was not removed: {}", socket, e.toString());
        }
    }
}
