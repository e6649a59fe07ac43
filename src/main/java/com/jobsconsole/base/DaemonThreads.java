package com.jobsconsole.base;

import java.util.concurrent.ThreadFactory;

/** Threads for background work that must not keep the application running (named, for thread dumps). */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
