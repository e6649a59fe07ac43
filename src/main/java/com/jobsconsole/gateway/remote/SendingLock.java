package com.jobsconsole.gateway.remote;

import com.jobsconsole.gateway.ReplayBusyException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.json.JobJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Who may send an orchestrator cache's outbox entries, so that no write goes out twice at once.
 *
 * <p>Across processes: one process at a time holds the cache's sending lock, an OS file lock beside
 * the cache file ({@code NAME.sending}), which a kill -9 releases; the file says which process holds
 * it. Within the process: one replay at a time, and a job's writes are sent by one thread at a time
 * (striped locks). So an entry marked as being sent ({@code UNVERIFIED}) that a holder of both sees is
 * never on its way: it is one whose answer was lost, and reading the job settles it.
 *
 * <p>One instance per cache file in a process, shared by every gateway opened on it.
 */
final class SendingLock {

    private static final Logger LOG = LoggerFactory.getLogger(SendingLock.class);
    private static final Map<Path, SendingLock> BY_FILE = new ConcurrentHashMap<>();
    /** Locked far beyond the holder's text, so that the text stays readable where locks are mandatory. */
    private static final long LOCK_POSITION = 1L << 40;
    private static volatile String self = "jobs-console";

    private final Path lockFile;
    private final Object fileLock = new Object();
    private final ReentrantLock replay = new ReentrantLock();
    private final Object[] jobLocks = new Object[64];
    private int holders;
    private FileChannel channel;
    private FileLock lock;

    private SendingLock(Path lockFile) {
        this.lockFile = lockFile;
        for (int i = 0; i < jobLocks.length; i++) {
            jobLocks[i] = new Object();
        }
    }

    /** The lock of the cache file {@code cacheFile} (one per file in this process). */
    static SendingLock of(Path cacheFile) {
        Path file = cacheFile.toAbsolutePath().normalize();
        return BY_FILE.computeIfAbsent(file, f -> new SendingLock(f.resolveSibling(f.getFileName() + ".sending")));
    }

    /** How this process names itself to another that finds the lock taken ("job sync", "the window"). */
    static void describeProcess(String what) {
        self = what;
    }

    /** A job's own lock in this process: its writes are sent by one thread at a time. */
    Object forJob(UUID guid) {
        return jobLocks[(guid.hashCode() & 0x7fffffff) % jobLocks.length];
    }

    /** What holding the lock looks like to the caller: release it when done. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The right to send, shared by every thread of this process (a direct write, a replay), exclusive
     * against other processes: waits up to {@code waitMillis} for another process to let go, then
     * throws {@link ReplayBusyException} naming it.
     */
    Held send(long waitMillis) {
        acquireFile(waitMillis);
        return this::releaseFile;
    }

    /**
     * A replay: the right to send and, within this process, the only replay. Waits up to
     * {@code waitMillis} for another replay (here or in another process) to end.
     */
    Held replay(long waitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        try {
            if (!replay.tryLock(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new ReplayBusyException(ProcessHandle.current().pid(), self + " (this process)", "\u2014");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayBusyException(ProcessHandle.current().pid(), self + " (this process)", "\u2014");
        }
        try {
            acquireFile(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (RuntimeException e) {
            replay.unlock();
            throw e;
        }
        return () -> {
            releaseFile();
            replay.unlock();
        };
    }

    private void acquireFile(long waitMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        synchronized (fileLock) {
            try {
                while (true) {
                    if (holders > 0) { // another thread of this process holds it: share
                        holders++;
                        return;
                    }
                    if (channel == null || !channel.isOpen()) {
                        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                                StandardOpenOption.WRITE);
                    }
                    lock = channel.tryLock(LOCK_POSITION, 1, false);
                    if (lock != null) {
                        writeHolder();
                        holders = 1;
                        return;
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        throw busy();
                    }
                    fileLock.wait(50);
                }
            } catch (IOException e) {
                throw new UnavailableException(e, "error.remote.sendingLock", lockFile.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy();
            }
        }
    }

    private void releaseFile() {
        synchronized (fileLock) {
            if (--holders > 0) {
                return;
            }
            try {
                lock.release();
            } catch (IOException e) {
                LOG.warn("releasing {} failed: {}", lockFile, e.getMessage());
            }
            lock = null;
            fileLock.notifyAll();
        }
    }

    /** Says in the file who holds the lock (best effort: the lock itself is what counts). */
    private void writeHolder() {
        String text = ProcessHandle.current().pid() + "\n" + self + "\n"
                + JobJson.DATE_TIME.format(LocalDateTime.now()) + "\n";
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            LOG.warn("could not write who holds {}: {}", lockFile, e.getMessage());
        }
    }

    /** Names the process that holds the lock, from what it wrote into the file. */
    private ReplayBusyException busy() {
        try {
            String[] lines = Files.readString(lockFile, StandardCharsets.UTF_8).split("\n", -1);
            return new ReplayBusyException(lines.length > 0 && lines[0].matches("\\d+") ? Long.parseLong(lines[0]) : -1,
                    lines.length > 1 ? lines[1] : "?", lines.length > 2 ? lines[2] : "");
        } catch (IOException | RuntimeException e) {
            return new ReplayBusyException(-1, "?", "");
        }
    }
}
