package com.jobsconsole.ui.attention;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobAttention;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.Names;
import com.jobsconsole.testing.MovableClock;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.WindowService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While nothing changes, the window looks for stuck jobs only when the last look said the next job would
 * become stuck — never on a blind timer — so Live's idle cost stays one {@code data_version} query (issue 21);
 * a change Live saw is looked at within a budget (a minute at least), not at every change.
 * The store is real; the test counts the scans it is asked for.
 */
class AttentionIdleTest {

    @TempDir
    Path dir;

    @Test
    void theTickScansOnlyWhenTheNextJobFallsDue() {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        MovableClock clock = new MovableClock(now);
        try (SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE, clock)) {
            store.insertAll(List.of(new Job(UUID.randomUUID(), 6, 1, JobSource.API, 55L, 3L, 4L, null, null, null, null,
                    now.minusMinutes(10), now.minusMinutes(5), null, null)).iterator(), n -> { }, () -> false);
            AtomicInteger scans = new AtomicInteger();
            JobAttention real = store.capability(JobAttention.class).orElseThrow();
            JobAttention counted = (JobAttention) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {JobAttention.class}, (p, m, args) -> {
                        if (m.getName().equals("scan")) {
                            scans.incrementAndGet();
                        }
                        return call(m, real, args);
                    });
            JobGateway gateway = (JobGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {JobGateway.class}, (p, m, args) -> m.getName().equals("capability")
                            && args[0] == JobAttention.class ? Optional.of(counted) : call(m, store, args));
            UiServices ui = new UiServices(REFERENCE, new ActiveGateway(gateway), TaskExecutor.sameThread(),
                    new RecordingDialogs(), WindowService.recording(k -> { }), new Messages(Locale.ENGLISH));
            AttentionViewModel vm = new AttentionViewModel(ui, clock, () -> Names.NONE, g -> { });

            vm.changed();
            assertThat(scans).hasValue(1);
            assertThat(vm.nextDue()).isEqualTo(now.minusMinutes(5).plusMinutes(30)); // Stopping for 30 min
            for (int i = 0; i < 100; i++) {
                clock.advance(Duration.ofSeconds(12)); // 20 minutes of ticks, nothing due
                vm.tick();
            }
            assertThat(scans).as("no look while nothing changed and nothing fell due").hasValue(1);

            clock.advance(Duration.ofMinutes(6)); // past the job's 30 minutes in Stopping
            vm.tick();
            assertThat(scans).hasValue(2);
            assertThat(vm.countProperty().get()).isEqualTo(1);
            assertThat(vm.nextDue()).as("nothing else would fall due").isNull();
            vm.tick();
            assertThat(scans).hasValue(2);

            // Live saw a change: looked at again once a minute has passed since the last look, not at once
            vm.liveChanged();
            vm.tick();
            assertThat(scans).as("a Live change waits for its budget").hasValue(2);
            clock.advance(Duration.ofSeconds(59));
            vm.tick();
            assertThat(scans).hasValue(2);
            clock.advance(Duration.ofSeconds(1));
            vm.tick();
            assertThat(scans).hasValue(3);
            vm.tick();
            assertThat(scans).as("once per change").hasValue(3);
        }
    }

    private static Object call(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
