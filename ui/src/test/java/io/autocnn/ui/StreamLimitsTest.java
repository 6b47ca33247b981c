package io.autocnn.ui;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Event streams are bounded per client and in all, and end when old (the browser resumes them). */
class StreamLimitsTest {

    private static final String EVENTS = "/api/v1/experiments/exp1/events";

    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private Leaderboard leaderboard;
    private int port;

    private void serve(StreamLimits limits) throws Exception {
        vertx = Vertx.vertx();
        leaderboard = new Leaderboard(new InMemorySource("exp1"), limits);
        Router router = Router.router(vertx);
        leaderboard.mount(vertx, router, "/api/v1");
        port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private EventStreamClient open() {
        return new EventStreamClient(http, URI.create("http://127.0.0.1:" + port + EVENTS), null);
    }

    private void awaitWatching(int streams) throws InterruptedException {
        for (int i = 0; i < 250 && leaderboard.watching("exp1") != streams; i++) {
            Thread.sleep(20);
        }
        assertThat(leaderboard.watching("exp1")).isEqualTo(streams);
    }

    @Test
    void aClientWithItsShareOfStreamsOpenIsRefusedUntilItClosesOne() throws Exception {
        serve(new StreamLimits(2, 10, Duration.ofMinutes(1)));
        EventStreamClient first = open();
        EventStreamClient second = open();
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        try (EventStreamClient third = open()) {
            assertThat(third.status()).isEqualTo(429);
        }
        first.close();
        awaitWatching(1);
        try (EventStreamClient again = open()) {
            assertThat(again.status()).isEqualTo(200);
        }
        second.close();
    }

    @Test
    void theServiceRefusesStreamsBeyondItsTotal() throws Exception {
        serve(new StreamLimits(2, 2, Duration.ofMinutes(1)));
        // One after the other: opened together, the three requests may reach the service in any order.
        try (EventStreamClient first = open()) {
            assertThat(first.status()).isEqualTo(200);
            try (EventStreamClient second = open()) {
                assertThat(second.status()).isEqualTo(200);
                try (EventStreamClient third = open()) {
                    assertThat(third.status()).isEqualTo(503);
                }
            }
        }
    }

    @Test
    void aStreamOlderThanTheLimitEndsAndGivesBackItsSlot() throws Exception {
        serve(new StreamLimits(1, 1, Duration.ofMillis(300)));
        HttpResponse<String> ended = http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + EVENTS)).build(), HttpResponse.BodyHandlers.ofString()).get(30, TimeUnit.SECONDS);
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(ended.body()).startsWith("retry: ");
        awaitWatching(0);
        try (EventStreamClient next = open()) {
            assertThat(next.status()).as("the slot was given back").isEqualTo(200);
        }
    }
}
