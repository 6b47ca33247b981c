package io.autocnn.ui;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/**
 * One browser's Server-Sent Event stream of an experiment's trial events. It first sends the stored events after the
 * client's resume point (the {@code Last-Event-ID} header of a reconnecting EventSource, else {@code ?after=}), then
 * live ones; each message's id is the event's sequence, so a reconnect resumes exactly where the client stopped.
 *
 * <p>Everything here runs on the connection's event loop; the store is read on worker threads. The stream watches
 * live events before its first read, and reads again when live events came in during a read, so an event stored
 * around the switch is neither missed nor sent twice (sequences only grow: anything at or below the last one sent
 * is a repeat).
 */
final class LiveEventStream {

    static final int BATCH = 500;
    private static final long HEARTBEAT_MILLIS = 15_000;
    /** How soon a browser reconnects after the stream ends (it resumes from its last event id). */
    private static final long RETRY_MILLIS = 1_000;

    private final Vertx vertx;
    private final Context context;
    private final HttpServerResponse response;
    private final String experimentId;
    private final LeaderboardSource source;
    private final Leaderboard leaderboard;
    /** The client's address: its slot in the leaderboard's stream limits. */
    private final String client;
    private long lastSent;
    private boolean catchingUp = true;
    private boolean liveArrivedDuringRead;
    private boolean closed;
    private long heartbeat = -1;
    private long ageLimit = -1;

    private LiveEventStream(Vertx vertx, RoutingContext routing, String experimentId, long after,
                            LeaderboardSource source, Leaderboard leaderboard, String client) {
        this.client = client;
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.response = routing.response();
        this.experimentId = experimentId;
        this.lastSent = after;
        this.source = source;
        this.leaderboard = leaderboard;
    }

    static void open(Vertx vertx, RoutingContext routing, LeaderboardSource source, Leaderboard leaderboard) {
        String experimentId = routing.pathParam("id");
        long after;
        try {
            after = resumePoint(routing);
        } catch (NumberFormatException e) {
            Problems.send(routing, 400, "Bad query", "after and Last-Event-ID must be a sequence number (0 or more)");
            return;
        }
        vertx.getOrCreateContext().executeBlocking(() -> source.hasExperiment(experimentId), false)
                .onComplete(found -> {
                    if (found.failed()) {
                        Problems.send(routing, 500, "Internal Server Error", "the request failed; see the service log");
                    } else if (!found.result()) {
                        Problems.send(routing, 404, "Not Found", "no such resource: experiment " + experimentId);
                    } else {
                        String client = routing.request().remoteAddress().host();
                        Optional<Leaderboard.Refusal> refused = leaderboard.admit(client);
                        if (refused.isPresent()) {
                            Problems.send(routing, refused.get().status(), refused.get().title(),
                                    refused.get().detail());
                        } else {
                            new LiveEventStream(vertx, routing, experimentId, after, source, leaderboard, client)
                                    .start();
                        }
                    }
                });
    }

    private static long resumePoint(RoutingContext routing) {
        String raw = routing.request().getHeader("Last-Event-ID");
        if (raw == null || raw.isBlank()) {
            raw = routing.queryParams().get("after");
        }
        long after = raw == null ? 0 : Long.parseLong(raw.trim());
        if (after < 0) {
            throw new NumberFormatException("negative");
        }
        return after;
    }

    String experimentId() {
        return experimentId;
    }

    /** A live event, from any thread. */
    void offer(LeaderboardEvent event) {
        context.runOnContext(ignored -> deliver(event));
    }

    private void start() {
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
        response.closeHandler(ignored -> close());
        response.exceptionHandler(ignored -> close());
        response.write("retry: " + RETRY_MILLIS + "\n\n");
        heartbeat = vertx.setPeriodic(HEARTBEAT_MILLIS, ignored -> response.write(": keep-alive\n\n"));
        // Ended when old: the browser reconnects from its last id; a client that stopped reading cannot hold it on.
        ageLimit = vertx.setTimer(leaderboard.limits().maxAge().toMillis(), ignored -> close());
        leaderboard.watch(this);
        readStored();
    }

    private void readStored() {
        liveArrivedDuringRead = false;
        long from = lastSent;
        context.executeBlocking(() -> source.eventsAfter(experimentId, from, BATCH), false).onComplete(read -> {
            if (closed) {
                return;
            }
            if (read.failed()) {
                close();
                return;
            }
            List<LeaderboardEvent> events = read.result();
            events.forEach(this::send);
            if (events.size() < BATCH && !liveArrivedDuringRead) {
                catchingUp = false;
            } else if (response.writeQueueFull()) {
                response.drainHandler(ignored -> readStored());
            } else {
                readStored();
            }
        });
    }

    private void deliver(LeaderboardEvent event) {
        if (closed) {
            return;
        }
        if (catchingUp) {
            liveArrivedDuringRead = true; // it is stored: the next read picks it up
        } else if (event.sequence() > lastSent) {
            send(event);
            if (response.writeQueueFull()) {
                // A browser that cannot keep up is let go; it reconnects from its last id and reads from the store.
                close();
            }
        }
    }

    private void send(LeaderboardEvent event) {
        if (closed) {
            return;
        }
        String data = new JsonObject().put("sequence", event.sequence()).put("trial", event.trialIndex())
                .put("type", event.type()).put("payload", new JsonObject(event.payloadJson())).encode();
        response.write("id: " + event.sequence() + "\nevent: trial\ndata: " + data + "\n\n");
        lastSent = event.sequence();
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        leaderboard.unwatch(this);
        leaderboard.release(client);
        vertx.cancelTimer(heartbeat);
        vertx.cancelTimer(ageLimit);
        if (!response.ended() && !response.closed()) {
            response.end();
        }
    }
}
