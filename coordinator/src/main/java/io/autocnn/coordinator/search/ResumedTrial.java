package io.autocnn.coordinator.search;

/**
 * A trial of a search being resumed, as stored before the coordinator stopped.
 *
 * @param attempt    the attempt that ran last; an interrupted trial runs again as {@code attempt + 1}
 * @param runTarget  the last run's target epochs (what an interrupted trial runs again to)
 * @param runResumes whether that run continued the trial's checkpoint
 */
public record ResumedTrial(TrialSummary summary, int attempt, double runTarget, boolean runResumes) {
}
