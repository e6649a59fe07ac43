package com.jobsconsole.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The window's local socket for a second start's hand-over: real sockets, and a real second user. */
class SingleInstanceTest {

    @TempDir
    Path dir;
    private final List<OpenRequest> received = new CopyOnWriteArrayList<>();
    private SingleInstance instance;

    @AfterEach
    void tearDown() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void aRequestIsHandedToTheListeningWindowAndNothingElseListensBesideIt() throws Exception {
        Path socket = dir.resolve("instance.sock");
        OpenRequest request = new OpenRequest(UUID.randomUUID(), "Plant 2", null);
        assertThat(SingleInstance.handOver(socket, request)).as("no window: the start opens its own").isFalse();

        instance = SingleInstance.listen(socket, received::add);
        assertThat(Files.getPosixFilePermissions(socket)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(SingleInstance.handOver(socket, request)).isTrue();
        OpenRequest inStore = new OpenRequest(UUID.randomUUID(), null, dir.resolve("other.sqlite"));
        assertThat(SingleInstance.handOver(socket, inStore)).isTrue();
        assertThat(received).containsExactly(request, inStore);
        assertThat(SingleInstance.listen(socket, received::add)).as("a second window does not take the socket").isNull();

        instance.close();
        instance = null;
        assertThat(socket).doesNotExist();
        assertThat(SingleInstance.handOver(socket, request)).isFalse();
    }

    @Test
    void aSocketLeftByAWindowThatDiedIsTakenOver() throws Exception {
        Path socket = dir.resolve("instance.sock");
        ServerSocketChannel died = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        died.bind(UnixDomainSocketAddress.of(socket));
        died.close(); // as kill -9 leaves it: the file stays, nothing listens
        assertThat(socket).exists();
        OpenRequest request = new OpenRequest(UUID.randomUUID(), null, null);
        assertThat(SingleInstance.handOver(socket, request)).isFalse();
        instance = SingleInstance.listen(socket, received::add);
        assertThat(instance).isNotNull();
        assertThat(SingleInstance.handOver(socket, request)).isTrue();
        assertThat(received).containsExactly(request);
    }

    @Test
    void somethingThatIsNotARequestIsAnsweredInvalidAndOpensNothing() throws Exception {
        Path socket = dir.resolve("instance.sock");
        instance = SingleInstance.listen(socket, received::add);
        for (String junk : List.of("not json", "{\"job\": \"robot-25\"}", "[1, 2]")) {
            try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                c.write(ByteBuffer.wrap((junk + "\n").getBytes(StandardCharsets.UTF_8)));
                ByteBuffer reply = ByteBuffer.allocate(64);
                c.read(reply);
                assertThat(new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8)).isEqualTo("invalid\n");
            }
        }
        assertThat(received).isEmpty();
    }

    /**
     * Another user of the machine, even with the socket file opened to all, is refused: the window asks the
     * system who connected. The other user's client is a one-file Java program run as {@code nobody}.
     */
    @Test
    void anotherUserOfTheMachineIsRefused() throws Exception {
        assumeThat(System.getProperty("os.name")).startsWith("Linux");
        assumeThat(System.getProperty("user.name")).as("only root can start a process as another user").isEqualTo("root");
        assumeThat(Path.of("/usr/bin/setpriv")).exists();
        Path open = Files.createTempDirectory(Path.of("/tmp"), "jobs-console-instance-");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            Path socket = open.resolve("instance.sock");
            instance = SingleInstance.listen(socket, received::add);
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-")); // only the peer check is left
            Path client = open.resolve("Client.java");
            Files.writeString(client, """
                    import java.net.UnixDomainSocketAddress;
                    import java.nio.ByteBuffer;
                    import java.nio.channels.SocketChannel;
                    public class Client {
                        public static void main(String[] a) throws Exception {
                            try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(a[0]))) {
                                try {
                                    c.write(ByteBuffer.wrap("{\\"job\\":\\"%s\\"}\\n".getBytes()));
                                } catch (java.io.IOException refusedAlready) {
                                    // the window may answer (and hang up) before the request is written
                                }
                                ByteBuffer b = ByteBuffer.allocate(64);
                                c.read(b);
                                System.out.print("reply:" + new String(b.array(), 0, b.position()));
                            }
                        }
                    }
                    """.formatted(UUID.randomUUID()));
            Files.setPosixFilePermissions(client, PosixFilePermissions.fromString("rw-r--r--"));
            Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=/tmp",
                    client.toString(), socket.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).as("the other user's client said").contains("reply:refused");
            assertThat(received).isEmpty();
            // and this user is still welcome
            assertThat(SingleInstance.handOver(socket, new OpenRequest(UUID.randomUUID(), null, null))).isTrue();
            assertThat(received).hasSize(1);
        } finally {
            try (var files = Files.list(open)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException ignored) {
                // the socket may be gone already
            }
            Files.deleteIfExists(open);
        }
    }
}
