package com.jobsconsole.testing;

import com.jobsconsole.gateway.JobGateway;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A store whose every call is counted by method name (what Live asks of the store, and how often). */
public final class CountedCalls {

    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

    /** The target, behind a proxy that counts each call and offers the same interfaces (capabilities). */
    public JobGateway around(JobGateway real) {
        return (JobGateway) Proxy.newProxyInstance(CountedCalls.class.getClassLoader(), interfaces(real.getClass()),
                (proxy, method, args) -> {
                    if (method.getName().equals("capability")) {
                        // what the proxy is answers through it (counted); what the target hands out, as it does
                        Class<?> kind = (Class<?>) args[0];
                        return kind.isInstance(proxy) ? Optional.of(proxy) : real.capability(kind);
                    }
                    calls.computeIfAbsent(method.getName(), k -> new AtomicLong()).incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Class<?>[] interfaces(Class<?> type) {
        Set<Class<?>> all = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            all.addAll(List.of(c.getInterfaces()));
        }
        all.remove(AutoCloseable.class);
        return all.toArray(Class<?>[]::new);
    }

    /** How many times {@code method} was called since the last {@link #clear}. */
    public long of(String method) {
        AtomicLong n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    public void clear() {
        calls.clear();
    }

    @Override
    public String toString() {
        return calls.toString();
    }
}
