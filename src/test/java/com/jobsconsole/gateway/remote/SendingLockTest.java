package com.jobsconsole.gateway.remote;

import com.jobsconsole.gateway.ReplayBusyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SendingLockTest {

    @TempDir
    Path dir;

    @Test
    void oneReplayAtATimeWhileDirectWritesOfTheSameProcessShareTheRightToSend() throws Exception {
        SendingLock lock = SendingLock.of(dir.resolve("cache.sqlite"));
        assertThat(SendingLock.of(dir.resolve(".").resolve("cache.sqlite"))).as("one per file").isSameAs(lock);
        try (SendingLock.Held replay = lock.replay(0)) {
            ReplayBusyException busy = CompletableFuture.supplyAsync(() -> catchThrowableOfType(
                    () -> lock.replay(100).close(), ReplayBusyException.class)).get(5, TimeUnit.SECONDS);
            assertThat(busy).as("a second replay in this process").isNotNull();
            assertThat(busy.pid()).isEqualTo(ProcessHandle.current().pid());
            CompletableFuture.runAsync(() -> lock.send(0).close()).get(5, TimeUnit.SECONDS); // a direct write may send
            assertThat(Files.readString(dir.resolve("cache.sqlite.sending"))).as("the file names the holder")
                    .startsWith(ProcessHandle.current().pid() + "\n");
        }
        CompletableFuture.runAsync(() -> lock.replay(0).close()).get(5, TimeUnit.SECONDS);
    }
}
