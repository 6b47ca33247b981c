package io.autocnn.coordinator.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.coordinator.search.LeadingTrial;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.trial.EpochMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Follows a search (passing everything on to another listener) and records, over time, the objective of the trial
 * the search would choose at that moment ({@link LeadingTrial}: the same rule as its final choice), so the line ends
 * at the chosen model's error.
 */
public final class BestSoFar implements SearchListener {

    /** From {@code seconds} after the search started, its best trial had this validation error. */
    public record Point(double seconds, double validationError) {
    }

    private final SearchListener next;
    private final long startNanos = System.nanoTime();
    private final LeadingTrial leader = new LeadingTrial();
    private final List<Point> points = new ArrayList<>();

    public BestSoFar(SearchListener next) {
        this.next = next;
    }

    @Override
    public synchronized void onTrialChanged(TrialSummary trial) {
        OptionalDouble error = trial.validationError();
        if (error.isPresent() && leader.update(trial.index(), error.getAsDouble())) {
            double best = leader.leader().orElseThrow().objective();
            if (points.isEmpty() || points.get(points.size() - 1).validationError() != best) {
                points.add(new Point((System.nanoTime() - startNanos) / 1e9, best));
            }
        }
        next.onTrialChanged(trial);
    }

    public synchronized List<Point> points() {
        return List.copyOf(points);
    }

    @Override
    public void onTrialCreated(int index, Candidate candidate) {
        next.onTrialCreated(index, candidate);
    }

    @Override
    public void onRunStarted(int index, int attempt, double targetEpochs, boolean resume) {
        next.onRunStarted(index, attempt, targetEpochs, resume);
    }

    @Override
    public void onEpoch(int index, int attempt, EpochMetrics metrics) {
        next.onEpoch(index, attempt, metrics);
    }

    @Override
    public void onRunEnded(TrialSummary trial, int attempt, double runSeconds) {
        next.onRunEnded(trial, attempt, runSeconds);
    }

    @Override
    public void onSearchState(JsonNode samplerState, JsonNode schedulerState, int nextTrialIndex,
                              double elapsedSeconds) {
        next.onSearchState(samplerState, schedulerState, nextTrialIndex, elapsedSeconds);
    }
}
