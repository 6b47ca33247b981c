package io.autocnn.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a Server-Sent Event stream line by line in the background; the test takes the event ids it received. */
final class EventStreamClient implements AutoCloseable {

    private final BlockingQueue<Long> ids = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    EventStreamClient(HttpClient http, URI uri, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> answer.body().filter(line -> line.startsWith("id: "))
                .forEach(line -> ids.add(Long.parseLong(line.substring(4)))));
    }

    int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    /** The next {@code count} ids, failing when they do not come within a few seconds. */
    List<Long> take(int count) throws InterruptedException {
        List<Long> taken = new ArrayList<>();
        while (taken.size() < count) {
            Long id = ids.poll(5, TimeUnit.SECONDS);
            if (id == null) {
                throw new AssertionError("received only " + taken + " of " + count + " events");
            }
            taken.add(id);
        }
        return taken;
    }

    /** Ids that arrive within {@code wait}: after take(), it should be none. */
    List<Long> extra(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        List<Long> rest = new ArrayList<>();
        ids.drainTo(rest);
        return rest;
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
