package io.autocnn.ui;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live leaderboard: serves the page at {@code /} (its files under {@code /ui/}) and streams each experiment's
 * trial events as Server-Sent Events at {@code <api>/experiments/:id/events}, first the stored ones after the
 * client's resume point, then live ones as {@link #publish} receives them.
 */
public final class Leaderboard {

    /**
     * The page runs only its own scripts and talks only to this service: even a value that slipped past the page's
     * escaping could not load or run anything.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";

    private final LeaderboardSource source;
    private final StreamLimits limits;
    private final Map<String, Set<LiveEventStream>> watchers = new ConcurrentHashMap<>();
    /** Open streams by client address, and in all; guarded by {@code this}. */
    private final Map<String, Integer> openByClient = new HashMap<>();
    private int open;

    public Leaderboard(LeaderboardSource source) {
        this(source, StreamLimits.DEFAULT);
    }

    public Leaderboard(LeaderboardSource source, StreamLimits limits) {
        this.source = source;
        this.limits = limits;
    }

    StreamLimits limits() {
        return limits;
    }

    /** Why a stream was not opened: the problem to answer. */
    record Refusal(int status, String title, String detail) {
    }

    /** Takes a stream slot for {@code client}: empty when granted, else the refusal to answer. */
    synchronized Optional<Refusal> admit(String client) {
        if (open >= limits.total()) {
            return Optional.of(new Refusal(503, "Service Unavailable", open + " event streams are open, as many as "
                    + "this service keeps; try again later"));
        }
        int mine = openByClient.getOrDefault(client, 0);
        if (mine >= limits.perClient()) {
            return Optional.of(new Refusal(429, "Too Many Requests", "this client has " + mine + " event streams "
                    + "open, the most one client may; close a page first"));
        }
        openByClient.put(client, mine + 1);
        open++;
        return Optional.empty();
    }

    /** Gives back the slot {@link #admit} granted. */
    synchronized void release(String client) {
        openByClient.computeIfPresent(client, (key, count) -> count == 1 ? null : count - 1);
        open--;
    }

    /** Adds the page and the event stream to {@code router}, behind whatever guard handlers it already has. */
    public void mount(Vertx vertx, Router router, String apiPrefix) {
        router.get("/").handler(context -> context.reroute("/ui/index.html"));
        router.get("/ui/*").handler(Leaderboard::pageHeaders).handler(StaticHandler.create("webroot")
                .setCachingEnabled(false).setDirectoryListing(false));
        router.get(apiPrefix + "/experiments/:id/events")
                .handler(context -> LiveEventStream.open(vertx, context, source, this));
    }

    /**
     * Pushes a stored event to every browser watching its experiment. Callable from any thread (the search calls it
     * on its own); each stream handles it on its own event loop.
     */
    public void publish(LeaderboardEvent event) {
        Set<LiveEventStream> streams = watchers.get(event.experimentId());
        if (streams != null) {
            streams.forEach(stream -> stream.offer(event));
        }
    }

    /** How many streams are open for the experiment (for tests and metrics). */
    public int watching(String experimentId) {
        return watchers.getOrDefault(experimentId, Set.of()).size();
    }

    void watch(LiveEventStream stream) {
        // Added inside compute: unwatch may drop an emptied set concurrently, and a stream must not join a dropped one.
        watchers.compute(stream.experimentId(), (id, streams) -> {
            Set<LiveEventStream> joined = streams == null ? ConcurrentHashMap.newKeySet() : streams;
            joined.add(stream);
            return joined;
        });
    }

    void unwatch(LiveEventStream stream) {
        watchers.computeIfPresent(stream.experimentId(), (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    private static void pageHeaders(RoutingContext context) {
        context.response().putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        context.next();
    }
}
