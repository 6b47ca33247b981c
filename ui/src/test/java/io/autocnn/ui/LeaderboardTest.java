package io.autocnn.ui;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The page and the event stream on a real Vert.x server, with events kept in memory. */
class LeaderboardTest {

    private static final String EXPERIMENT = "exp1";

    private final InMemorySource source = new InMemorySource(EXPERIMENT);
    private final Leaderboard leaderboard = new Leaderboard(source);
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        leaderboard.mount(vertx, router, "/api/v1");
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Stores an event and publishes it, as the coordinator does for every event a search reports. */
    private LeaderboardEvent storeAndPublish(int trial, String type) {
        LeaderboardEvent event = source.store(trial, type);
        leaderboard.publish(event);
        return event;
    }

    private void awaitWatching(int streams) throws InterruptedException {
        for (int i = 0; i < 100 && leaderboard.watching(EXPERIMENT) != streams; i++) {
            Thread.sleep(20);
        }
        assertThat(leaderboard.watching(EXPERIMENT)).isEqualTo(streams);
    }

    @Test
    void storedEventsAfterTheResumePointComeFirstThenLiveOnesEachOnce() throws Exception {
        for (int i = 0; i < LiveEventStream.BATCH + 20; i++) { // more than one read of the store
            source.store(i, "created");
        }
        try (EventStreamClient client = new EventStreamClient(http, uri("/api/v1/experiments/exp1/events?after=10"),
                null)) {
            // Published while the stream may still be reading the store: each must still come exactly once.
            for (int i = 0; i < 30; i++) {
                storeAndPublish(i, "epoch");
            }
            int expected = LiveEventStream.BATCH + 20 - 10 + 30;
            assertThat(client.take(expected)).containsExactlyElementsOf(
                    LongStream.rangeClosed(11, LiveEventStream.BATCH + 50).boxed().toList());
            awaitWatching(1);
            LeaderboardEvent live = storeAndPublish(7, "completed");
            assertThat(client.take(1)).containsExactly(live.sequence());
            leaderboard.publish(live); // a repeated report of the same stored event
            assertThat(client.extra(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void aReconnectingBrowserResumesAfterItsLastEventId() throws Exception {
        for (int i = 0; i < 5; i++) {
            source.store(i, "created");
        }
        try (EventStreamClient client = new EventStreamClient(http, uri("/api/v1/experiments/exp1/events?after=0"),
                "3")) {
            assertThat(client.take(2)).containsExactly(4L, 5L);
        }
    }

    @Test
    void aClosedStreamStopsWatching() throws Exception {
        EventStreamClient client = new EventStreamClient(http, uri("/api/v1/experiments/exp1/events"), null);
        assertThat(client.status()).isEqualTo(200);
        awaitWatching(1);
        client.close();
        storeAndPublish(1, "created"); // a write to the closed connection lets the server notice
        awaitWatching(0);
    }

    @Test
    void unknownExperimentsAndBadResumePointsAreRefused() throws Exception {
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(uri("/api/v1/experiments/nope/events"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(uri("/api/v1/experiments/exp1/events?after=-4"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void thePageAndItsVendoredChartLibraryAreServedWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        List<String> scripts = Pattern.compile("<script src=\"([^\"]+)\"").matcher(page.body()).results()
                .map(match -> match.group(1)).toList();
        assertThat(scripts).containsExactly("/ui/vendor/uplot/uPlot.iife.min.js", "/ui/common.js",
                "/ui/parallel-coordinates.js", "/ui/model-insight.js", "/ui/pareto-front-view.js",
                "/ui/best-over-time-view.js", "/ui/early-stopping-view.js", "/ui/importance-view.js", "/ui/sign-in.js",
                "/ui/compare.js", "/ui/app.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(Leaderboard.CONTENT_SECURITY_POLICY);
        List<String> assets = new ArrayList<>(scripts);
        assets.add("/ui/vendor/uplot/uPlot.min.css");
        for (String file : assets) {
            HttpResponse<String> asset = http.send(HttpRequest.newBuilder(uri(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(asset.statusCode()).as(file).isEqualTo(200);
            assertThat(asset.body()).as(file).isNotBlank();
        }
    }
}
