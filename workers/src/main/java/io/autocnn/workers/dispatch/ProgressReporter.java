package io.autocnn.workers.dispatch;

import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.workers.train.TrialListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts each epoch's metrics from a running task to the coordinator's report endpoint, and takes the answer's
 * {@code stop} flag as the scheduler's decision (pause or prune), which ends the training loop. A report that cannot
 * be delivered is logged and skipped: the task's final result carries every epoch, so the coordinator catches up.
 * The run's last epoch (the one that reaches its target) is not posted: no decision can end the run sooner, and the
 * result, which follows within moments, delivers it; posting it would hold the task's slot for a round trip per run.
 */
public final class ProgressReporter implements TrialListener {

    /** The header carrying the report endpoint's secret. */
    public static final String TOKEN_HEADER = "X-AutoCNN-Report-Token";

    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);
    /** HTTP/1.1: the endpoint speaks nothing else, and the default (HTTP/2) would offer it an upgrade every time. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final int TRIES = 3;

    private final TrialAssignment assignment;
    private final int attempt;
    private final String executorId;
    private volatile boolean stop;

    ProgressReporter(TrialAssignment assignment, int attempt, String executorId) {
        this.assignment = assignment;
        this.attempt = attempt;
        this.executorId = executorId;
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        if (assignment.reportUrl().isEmpty()
                || metrics.epoch() >= assignment.targetEpochs() - EpochMetrics.EPOCH_TOLERANCE) {
            return;
        }
        String body = new EpochReport(assignment.runId(), assignment.key(), attempt, executorId,
                ProcessHandle.current().pid(), metrics).toJson();
        HttpRequest request = HttpRequest.newBuilder(URI.create(assignment.reportUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(TOKEN_HEADER, assignment.reportToken())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        for (int tried = 1; tried <= TRIES; tried++) {
            try {
                HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    stop = response.body().contains("\"stop\":true");
                    return;
                }
                LOG.warn("trial {}: the coordinator answered {} to epoch {}'s report: {}", assignment.key(),
                        response.statusCode(), metrics.epoch(), response.body());
                return;
            } catch (IOException e) {
                LOG.warn("trial {}: epoch {}'s report failed (try {} of {}): {}", assignment.key(),
                        metrics.epoch(), tried, TRIES, e.toString());
                pause(tried);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = true;
                return;
            }
        }
    }

    @Override
    public boolean shouldStop() {
        return stop || Thread.currentThread().isInterrupted();
    }

    private static void pause(int tried) {
        try {
            Thread.sleep(200L * tried);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
