package io.autocnn.coordinator.dispatch;

import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.TrialKey;
import io.autocnn.workers.dispatch.EpochReport;
import io.autocnn.workers.dispatch.ProgressReporter;
import io.autocnn.workers.train.TrialListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The real endpoint on a loopback port, fed by a real HTTP client, routing into a real {@link RunChannel}. */
class ReportEndpointTest {

    private static final TrialKey TRIAL = new TrialKey("exp-a", 3);

    private final List<Double> forwarded = new CopyOnWriteArrayList<>();
    private final AtomicBoolean schedulerSaysStop = new AtomicBoolean();
    private final HttpClient client = HttpClient.newHttpClient();
    /** A peer address the endpoint is told is not an executor. */
    private volatile String refusedPeer = "";
    private RunChannel channel;
    private ReportEndpoint endpoint;

    @BeforeEach
    void start() {
        channel = new RunChannel(7, TRIAL, new TrialListener() {
            @Override
            public void onEpoch(EpochMetrics metrics) {
                forwarded.add(metrics.epoch());
            }

            @Override
            public boolean shouldStop() {
                return schedulerSaysStop.get();
            }
        });
        endpoint = ReportEndpoint.start("127.0.0.1", 0, peer -> !peer.equals(refusedPeer),
                report -> report.runId() != channel.runId() || channel.accept(report));
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private static String report(long runId, int attempt, double epoch) {
        return report(runId, TRIAL, attempt, epoch);
    }

    private static String report(long runId, TrialKey key, int attempt, double epoch) {
        return new EpochReport(runId, key, attempt, "1", 42, new EpochMetrics(epoch, 0.5, 0.2, 0.25,
                OptionalDouble.empty(), 1.0, 100, 1234)).toJson();
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header(ProgressReporter.TOKEN_HEADER, token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(endpoint.url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void reportsWithoutTheRightTokenAreRefusedAndChangeNothing() throws Exception {
        assertThat(post(report(7, 1, 1), null).statusCode()).isEqualTo(401);
        assertThat(post(report(7, 1, 1), endpoint.token() + "x").statusCode()).isEqualTo(401);
        assertThat(forwarded).isEmpty();
    }

    @Test
    void aPeerThatIsNotAnExecutorIsRefusedEvenWithTheToken() throws Exception {
        refusedPeer = "127.0.0.1";
        HttpResponse<String> answer = post(report(7, 1, 1), endpoint.token());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("executors only", "127.0.0.1");
        assertThat(forwarded).isEmpty();
        refusedPeer = "";
        assertThat(post(report(7, 1, 1), endpoint.token()).statusCode()).isEqualTo(200);
        assertThat(forwarded).containsExactly(1.0);
    }

    @Test
    void aMultipartBodyWithoutTheTokenIsRefusedBeforeItIsReadAndWritesNoFile() throws Exception {
        java.nio.file.Path uploads = java.nio.file.Path.of("file-uploads");
        boolean existedBefore = java.nio.file.Files.exists(uploads);
        String body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n\r\n"
                + "x".repeat(50_000) + "\r\n--b--\r\n";
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(endpoint.url()))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(java.nio.file.Files.exists(uploads)).isEqualTo(existedBefore);
        assertThat(forwarded).isEmpty();
    }

    @Test
    void malformedReportsAnswer400WithThePosition() throws Exception {
        HttpResponse<String> response = post("{\"runId\": 7,\n \"trialIndex\": }", endpoint.token());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("line 2");
        assertThat(forwarded).isEmpty();
    }

    @Test
    void eachEpochIsForwardedOnceWhateverRepeatsAndRetriesSend() throws Exception {
        for (String body : List.of(report(7, 1, 1), report(7, 1, 1), report(7, 1, 2),
                // Attempt 2 (the executor was lost) trains the same epochs again from the start.
                report(7, 2, 1), report(7, 2, 2), report(7, 2, 3),
                // A straggler of attempt 1 after attempt 2 took over.
                report(7, 1, 4))) {
            assertThat(post(body, endpoint.token()).statusCode()).isEqualTo(200);
        }
        assertThat(forwarded).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void theAnswerCarriesTheSchedulersStopAndStopsStaleRuns() throws Exception {
        assertThat(post(report(7, 1, 1), endpoint.token()).body()).contains("\"stop\":false");
        schedulerSaysStop.set(true);
        assertThat(post(report(7, 1, 2), endpoint.token()).body()).contains("\"stop\":true");
        assertThat(post(report(99, 1, 1), endpoint.token()).body()).contains("\"stop\":true");
    }

    @Test
    void aReportNamingAnotherExperimentsTrialOfTheSameIndexIsDroppedAndStopped() throws Exception {
        String stranger = report(7, new TrialKey("exp-b", TRIAL.trialIndex()), 1, 1);
        assertThat(post(stranger, endpoint.token()).body()).contains("\"stop\":true");
        assertThat(forwarded).isEmpty();
    }

    @Test
    void aCancelledRunIsToldToStop() throws Exception {
        channel.cancel();
        assertThat(post(report(7, 1, 1), endpoint.token()).body()).contains("\"stop\":true");
    }
}
