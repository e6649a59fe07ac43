package com.jobsconsole.base;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one factory of the application's threads: named (for thread dumps and logs) and daemon (none
 * keeps the application running once its window or command is done).
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads all called {@code name}. */
    public static ThreadFactory named(String name) {
        return r -> thread(name, r);
    }

    /** Threads called {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> thread(prefix + "-" + n.incrementAndGet(), r);
    }

    /** One thread, not yet started. */
    public static Thread thread(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        return t;
    }
}
