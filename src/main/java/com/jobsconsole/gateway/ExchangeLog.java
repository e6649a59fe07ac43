package com.jobsconsole.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Collects the HTTP exchanges a piece of work makes on the current thread, so a method tab can
 * show the real request and response of its call without the gateway knowing about tabs.
 */
public final class ExchangeLog {

    private static final ThreadLocal<List<Exchange>> CURRENT = new ThreadLocal<>();

    private ExchangeLog() {
    }

    /** The result of work and the exchanges it made. */
    public record Captured<T>(T result, Throwable error, List<Exchange> exchanges) {
    }

    /** Runs {@code work} on this thread and returns what it returned or threw, with its exchanges. */
    public static <T> Captured<T> capture(Callable<T> work) {
        List<Exchange> outer = CURRENT.get();
        List<Exchange> mine = new ArrayList<>();
        CURRENT.set(mine);
        try {
            return new Captured<>(work.call(), null, List.copyOf(mine));
        } catch (Exception | Error e) {
            return new Captured<>(null, e, List.copyOf(mine));
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                outer.addAll(mine);
                CURRENT.set(outer);
            }
        }
    }

    public static void record(Exchange exchange) {
        List<Exchange> list = CURRENT.get();
        if (list != null) {
            list.add(exchange);
        }
    }
}
