package io.autocnn.workers.dispatch;

import com.sun.net.httpserver.HttpServer;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.TrialKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A task's live reports, against a real HTTP endpoint on loopback that records them and answers like the coordinator. */
class ProgressReporterTest {

    private HttpServer endpoint;
    private final List<Double> reportedEpochs = new CopyOnWriteArrayList<>();
    private volatile boolean answerStop;

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/report", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            reportedEpochs.add(EpochReport.fromJson(body).metrics().epoch());
            byte[] answer = ("{\"stop\":" + answerStop + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        endpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    private ProgressReporter reporterOfARunTo(double targetEpochs) {
        String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/report";
        TrialAssignment assignment = new TrialAssignment(1, new TrialKey("exp-report", 0), "{}", 0,
                ResumeModel.none(), null, null, url, "secret", TrialBody.TRAIN, 1, false, targetEpochs, 1, "");
        return new ProgressReporter(assignment, 1, "executor-1");
    }

    private static EpochMetrics epoch(double epoch) {
        return new EpochMetrics(epoch, 0.5, 0.2, 0.25, OptionalDouble.empty(), 1, 1000, 100);
    }

    @Test
    void everyEpochButTheOneThatReachesTheTargetIsPostedAndTheAnswerDecidesWhetherToStop() {
        ProgressReporter reporter = reporterOfARunTo(3);
        reporter.onEpoch(epoch(1));
        assertThat(reporter.shouldStop()).isFalse();
        answerStop = true;
        reporter.onEpoch(epoch(2));
        assertThat(reporter.shouldStop()).isTrue();
        // The last epoch ends the run whatever the answer: the result delivers it, no round trip holds the slot.
        reporter.onEpoch(epoch(3));
        assertThat(reportedEpochs).containsExactly(1.0, 2.0);
    }
}
