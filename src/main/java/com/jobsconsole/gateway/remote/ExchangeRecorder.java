package com.jobsconsole.gateway.remote;

import com.jobsconsole.gateway.Exchange;
import com.jobsconsole.gateway.HttpExchanges;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One client's exchanges, told to whoever captures the work that made them: a call runs on its
 * caller's thread, so the exchanges a piece of work made are those recorded on its thread while it
 * ran (Live's and the replay's calls on other threads are not mixed in).
 */
final class ExchangeRecorder implements HttpExchanges {

    private final ThreadLocal<List<Exchange>> current = new ThreadLocal<>();

    @Override
    public <T> Captured<T> capture(Callable<T> work) {
        List<Exchange> outer = current.get();
        List<Exchange> mine = new ArrayList<>();
        current.set(mine);
        try {
            return new Captured<>(work.call(), null, mine);
        } catch (Exception | Error e) {
            return new Captured<>(null, e, mine);
        } finally {
            if (outer == null) {
                current.remove();
            } else {
                outer.addAll(mine);
                current.set(outer);
            }
        }
    }

    /** Tells the work now running on this thread (if any is being captured) of an exchange. */
    void record(Exchange exchange) {
        List<Exchange> list = current.get();
        if (list != null) {
            list.add(exchange);
        }
    }
}
