package io.autocnn.coordinator.compare;

import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.trial.TrialState;

import java.util.List;

/**
 * Where a search's training time went: to the trials it pruned, to the trial it chose, to the others (completed,
 * failed or stopped by the budget), and to the chosen model's final training. Trial times are summed over trials, so
 * with several trials at a time they add up to more than the wall-clock time.
 *
 * @param pruned  seconds trained by the trials that were pruned
 * @param winner  seconds trained by the chosen trial
 * @param others  seconds trained by every other trial
 * @param finalTraining seconds of the chosen model's final training (0 without one)
 */
public record TrainingTime(double pruned, double winner, double others, double finalTraining) {

    public static TrainingTime of(List<TrialSummary> trials, int chosenTrial, double finalTraining) {
        double pruned = 0;
        double winner = 0;
        double others = 0;
        for (TrialSummary trial : trials) {
            if (trial.index() == chosenTrial) {
                winner += trial.seconds();
            } else if (trial.state() == TrialState.PRUNED) {
                pruned += trial.seconds();
            } else {
                others += trial.seconds();
            }
        }
        return new TrainingTime(pruned, winner, others, finalTraining);
    }

    public double total() {
        return pruned + winner + others + finalTraining;
    }
}
