package io.autocnn.workers.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.TrialKey;

import java.io.UncheckedIOException;

/**
 * One epoch's metrics as a running task reports them to the coordinator. {@code (key, attempt, epoch)} is
 * the report's identity: the coordinator applies each at most once, so a retried or speculative task that reports
 * the same epoch again changes nothing.
 *
 * @param key        the trial and its experiment
 * @param attempt    1 for the first attempt of this run, 2 for Spark's first retry, ...
 * @param executorId the Spark executor the task runs on ("driver" in the embedded mode)
 * @param pid        the process the task runs in (lets operators and tests find the worker behind an executor)
 */
public record EpochReport(long runId, TrialKey key, int attempt, String executorId, long pid,
                          EpochMetrics metrics) {

    public String toJson() {
        try {
            return TrialSpecJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a report; malformed input throws {@link IllegalArgumentException} with the parser's position. */
    public static EpochReport fromJson(String json) {
        try {
            EpochReport report = TrialSpecJson.mapper().readValue(json, EpochReport.class);
            if (report == null || report.key() == null || report.metrics() == null || report.executorId() == null) {
                throw new IllegalArgumentException("an epoch report needs runId, key, attempt, executorId, "
                        + "pid and metrics");
            }
            return report;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed epoch report: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()), e);
        }
    }
}
