package com.jobsconsole.base;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code -Djobs.console.trace=startup}: prints, on standard error, the milliseconds since the JVM
 * started at each step of start-up ({@code startup 812 ms: window shown}). Off, it costs nothing.
 */
public final class StartupTrace {

    private static final boolean ON = "startup".equals(System.getProperty("jobs.console.trace"));
    private static final long JVM_START = ON ? jvmStart() : 0;
    private static final Set<String> ONCE = ConcurrentHashMap.newKeySet();

    private StartupTrace() {
    }

    public static boolean on() {
        return ON;
    }

    /** Prints the step with the time since the JVM started, when tracing is on. */
    public static void mark(String step) {
        if (ON) {
            System.err.println("startup " + (System.currentTimeMillis() - JVM_START) + " ms: " + step);
        }
    }

    /** Marks the step only the first time it is reached (a page read at start-up, not each reload). */
    public static void markOnce(String step) {
        if (ON && ONCE.add(step)) {
            mark(step);
        }
    }

    private static long jvmStart() {
        // the JVM's own start time (ProcessHandle's start instant is off by up to a second on Linux:
        // /proc gives the boot time in whole seconds); loaded only when tracing
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
