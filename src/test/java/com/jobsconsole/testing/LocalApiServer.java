package com.jobsconsole.testing;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.server.JobApiServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real Job API server ({@code serve}) on a loopback port over a real SQLite store. */
public final class LocalApiServer implements AutoCloseable {

    public static final ApiKey KEY = ApiKey.of("3f2b8c1e-5d4a-4f7e-9a6b-0c1d2e3f4a5b");

    public final SqliteJobGateway store;
    public final JobApiServer server;
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public LocalApiServer(Path dir) throws IOException {
        store = SqliteJobGateway.open(dir.resolve("server.sqlite"), TestStore.REFERENCE);
        server = new JobApiServer(store, TestStore.REFERENCE, KEY, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4,
                requests::add).start();
    }

    /**
     * Whether a request whose log line matches has been served, waiting up to 5 s for it: the server
     * writes a request's line just after its answer, so a client can see the answer first.
     */
    public boolean served(Predicate<String> line) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (requests.stream().noneMatch(line)) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
