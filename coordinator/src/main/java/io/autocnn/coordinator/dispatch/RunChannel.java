package io.autocnn.coordinator.dispatch;

import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.TrialKey;
import io.autocnn.workers.dispatch.EpochReport;
import io.autocnn.workers.train.TrialListener;

import java.util.List;

/**
 * The coordinator's side of one dispatched run of a trial: it forwards the run's epochs to the search's listener
 * exactly once and in order, whatever arrives. A report repeated by a retried attempt (which trains the same epochs
 * again, from the same seed) or by a lost report's resend is recognised by its epoch not being past the last one
 * forwarded, and dropped; so is anything from an attempt older than the newest seen.
 */
final class RunChannel {

    private final long runId;
    private final TrialKey key;
    private final String jobGroup;
    private final TrialListener listener;
    private double lastForwardedEpoch = Double.NEGATIVE_INFINITY;
    private int newestAttempt;
    private boolean cancelled;

    RunChannel(long runId, TrialKey key, TrialListener listener) {
        this.runId = runId;
        this.key = key;
        // Spark cancels by job group: the experiment is part of it, so no other experiment's trial shares it.
        this.jobGroup = "autocnn-" + key.experimentId() + "-trial-" + key.trialIndex() + "-run-" + runId;
        this.listener = listener;
    }

    long runId() {
        return runId;
    }

    TrialKey key() {
        return key;
    }

    String jobGroup() {
        return jobGroup;
    }

    /** Applies a live report; returns whether the task should stop. */
    synchronized boolean accept(EpochReport report) {
        if (!report.key().equals(key) || report.attempt() < newestAttempt) {
            return true;
        }
        newestAttempt = report.attempt();
        forward(report.metrics());
        return cancelled || listener.shouldStop();
    }

    /** Forwards the epochs of the final result that no live report delivered (reports are best effort). */
    synchronized void catchUp(List<EpochMetrics> epochs) {
        epochs.forEach(this::forward);
    }

    synchronized void cancel() {
        cancelled = true;
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    private void forward(EpochMetrics metrics) {
        if (metrics.epoch() > lastForwardedEpoch) {
            lastForwardedEpoch = metrics.epoch();
            listener.onEpoch(metrics);
        }
    }
}
