package com.jobsconsole.demo;

import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.model.StatusKind;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic demo jobs, streamed (a million need no memory): mostly succeeded, some failed and
 * stopped, a few running and queued; three sources; 40 robots and 120 process versions; created
 * over the last eight weeks, more in working hours; start and end times that fit the status.
 */
public final class DemoJobs implements Iterator<Job> {

    /** Status codes and their weights (out of 1000), in the orchestrator's codes. */
    private static final int[][] STATUS_WEIGHTS = {{4, 560}, {5, 110}, {7, 60}, {3, 40}, {8, 70}, {1, 90},
        {0, 30}, {6, 25}, {2, 15}};

    private final ReferenceData reference;
    private final Random random;
    private final LocalDateTime now;
    private final long count;
    private long made;

    public DemoJobs(ReferenceData reference, long count, long seed, LocalDateTime now) {
        this.reference = reference;
        this.count = count;
        this.random = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    @Override
    public boolean hasNext() {
        return made < count;
    }

    @Override
    public Job next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        made++;
        int status = pickStatus();
        StatusKind kind = reference.status(status).map(s -> s.kind()).orElse(StatusKind.QUEUED);
        int r = random.nextInt(100);
        JobSource source = r < 50 ? JobSource.TRIGGER : r < 80 ? JobSource.API : JobSource.GUI;
        int type = random.nextInt(100) < 85 ? 1 : 0;
        LocalDateTime created = createdAt();
        LocalDateTime started = null;
        LocalDateTime completed = null;
        if (kind != StatusKind.INITIAL && kind != StatusKind.QUEUED) {
            started = created.plusSeconds(5 + random.nextInt(600));
            if (kind == StatusKind.FINAL) {
                completed = started.plusSeconds(30 + random.nextInt(3 * 3600));
            }
        }
        if (started != null && started.isAfter(now)) {
            started = now;
        }
        if (completed != null && completed.isAfter(now)) {
            completed = now;
        }
        LocalDateTime updated = completed != null ? completed : started != null ? started : created;
        LocalDateTime stopAfter = random.nextInt(10) == 0 ? created.plusHours(4) : null;
        LocalDateTime abortAfter = stopAfter != null && random.nextBoolean() ? stopAfter.plusHours(1) : null;
        long robot = 1 + random.nextInt(40);
        return new Job(randomUuid(), status, type, source, 1L + random.nextInt(120), robot, 1L + random.nextInt(8),
                source == JobSource.TRIGGER ? (Long) (1L + random.nextInt(60)) : null,
                random.nextInt(4) == 0 ? (Long) (1L + random.nextInt(500)) : null,
                stopAfter, abortAfter, created, updated, started, completed);
    }

    /** A version-4 UUID from this generator's random numbers (repeatable for a seed). */
    private UUID randomUuid() {
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private int pickStatus() {
        int x = random.nextInt(1000);
        for (int[] w : STATUS_WEIGHTS) {
            x -= w[1];
            if (x < 0 && reference.status(w[0]).isPresent()) {
                return w[0];
            }
        }
        return reference.statuses().get(0).code();
    }

    private LocalDateTime createdAt() {
        long days = random.nextInt(56);
        int hour = random.nextInt(10) < 8 ? 8 + random.nextInt(11) : random.nextInt(24);
        LocalDateTime t = now.minusDays(days).withHour(hour).withMinute(random.nextInt(60)).withSecond(random.nextInt(60));
        return t.isAfter(now) ? now.minusMinutes(random.nextInt(600)) : t;
    }
}
