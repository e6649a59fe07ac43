package com.jobsconsole.gateway;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * What a target that talks HTTP can do for a front door that shows its calls (a method tab shows
 * the real request and response): run a piece of work and say which exchanges it made. A target that
 * makes no HTTP calls does not offer it ({@link JobGateway#capability}); {@link #NONE} runs the work
 * with no exchanges.
 */
public interface HttpExchanges {

    /** The result of work (or what it threw) and the exchanges it made, in order. */
    record Captured<T>(T result, Throwable error, List<Exchange> exchanges) {
        public Captured {
            exchanges = List.copyOf(exchanges);
        }
    }

    /** Runs {@code work} on this thread; returns what it returned or threw, with its exchanges. */
    <T> Captured<T> capture(Callable<T> work);

    /** For a target without HTTP: the work's result and no exchanges. */
    HttpExchanges NONE = new HttpExchanges() {
        @Override
        public <T> Captured<T> capture(Callable<T> work) {
            try {
                return new Captured<>(work.call(), null, List.of());
            } catch (Exception | Error e) {
                return new Captured<>(null, e, List.of());
            }
        }
    };
}
