package com.jobsconsole.testing;

import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.model.JobDraft;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Chains of writes queued in an orchestrator's cache while it does not answer, and the effects they
 * must have on it, exactly once each: status chains that come back to an earlier status (1>2>1>2>5),
 * deletes, and a job deleted and created again under the same GUID.
 */
public final class QueuedChains {

    /** Each job's expected effects on the orchestrator, in order ({@link EffectLog}'s words). */
    public final Map<UUID, List<String>> expected = new LinkedHashMap<>();
    /** Each job's final status (absent: deleted). */
    public final Map<UUID, Integer> finalStatus = new LinkedHashMap<>();
    private int writes;

    /** The cache file the command line uses for {@code --remote url} under {@code home}. */
    public static Path cacheFile(Path home, String url) {
        return home.resolve("data").resolve("cache").resolve(RemoteTarget.cacheFileName(URI.create(url)));
    }

    public static RemoteJobGateway open(Path cacheFile, String url) {
        return RemoteJobGateway.open(new RemoteTarget(URI.create(url), LocalApiServer.KEY, AuthScheme.BEARER,
                Duration.ofSeconds(1), Duration.ofSeconds(2), null), cacheFile, TestStore.REFERENCE);
    }

    public static UUID guid(String name, int i) {
        return UUID.nameUUIDFromBytes((name + "-" + i).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Queues {@code jobs} jobs' chains through {@code console} (which must queue, its orchestrator
     * not answering), four kinds in turn.
     */
    public QueuedChains queue(RemoteJobGateway console, String name, int jobs) {
        console.queueWrites(true);
        for (int i = 0; i < jobs; i++) {
            UUID g = guid(name, i);
            switch (i % 4) {
                case 0 -> chain(console, g, 1, 2, 1, 2, 5);          // back to an earlier status twice
                case 1 -> chain(console, g, 1, 8, 6);
                case 2 -> {
                    chain(console, g, 1, 5);
                    delete(console, g);
                    chain(console, g, 1, 2);                           // created again, same GUID
                }
                default -> {
                    chain(console, g, 1, 5, 0, 5);
                    delete(console, g);
                }
            }
        }
        return this;
    }

    /** Creates job {@code g} at {@code statuses[0]}, then sets each following status in turn. */
    public void chain(RemoteJobGateway console, UUID g, int... statuses) {
        console.create(JobDraft.of(g, 7, 3, 1).withStatus(statuses[0]));
        List<String> effects = expected.computeIfAbsent(g, k -> new ArrayList<>());
        effects.add("create " + statuses[0]);
        writes++;
        for (int k = 1; k < statuses.length; k++) {
            console.updateStatus(g, statuses[k]);
            effects.add(statuses[k - 1] + ">" + statuses[k]);
            writes++;
        }
        finalStatus.put(g, statuses[statuses.length - 1]);
    }

    public void delete(RemoteJobGateway console, UUID g) {
        console.delete(g);
        expected.get(g).add("delete");
        finalStatus.remove(g);
        writes++;
    }

    public int writes() {
        return writes;
    }
}
