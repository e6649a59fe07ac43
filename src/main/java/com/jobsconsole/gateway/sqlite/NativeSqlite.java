package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.base.AppDirs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts the SQLite driver's native library in a folder of the application's own, one per driver
 * version, and points the driver at it. Left to itself the driver extracts the library into the
 * shared temporary folder at every start and deletes the copies of other processes, so two JVMs
 * starting at once race for them (and print the driver's "Failed to delete old native lib" stack
 * trace). Here the copy is made once, atomically, and only read afterwards; anything that goes
 * wrong leaves the driver to its own way.
 */
final class NativeSqlite {

    private static final Logger LOG = LoggerFactory.getLogger(NativeSqlite.class);
    private static volatile boolean prepared;

    private NativeSqlite() {
    }

    /** Copies the library out of the jar (once: later starts find it there); false if the jar has none. */
    private static boolean extract(String resource, Path dir, Path lib) throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, lib.getFileName().toString(), ".part");
            try {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(part);
                if (!Files.isRegularFile(lib)) { // another process put it there first: fine
                    throw e;
                }
            }
            return true;
        }
    }

    /** Once per process, before the first connection. */
    static synchronized void prepare() {
        if (prepared || System.getProperty("org.sqlite.lib.path") != null) {
            prepared = true;
            return;
        }
        prepared = true;
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        Path dir = AppDirs.current().dataDir().resolve("native").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion());
        Path lib = dir.resolve(name);
        try {
            if (!Files.isRegularFile(lib) && !extract(resource, dir, lib)) {
                return; // no library for this platform in the jar: the driver says so itself
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException e) {
            LOG.info("the SQLite driver extracts its own library ({})", e.toString());
        }
    }
}
