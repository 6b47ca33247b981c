package io.autocnn.coordinator.compare;

import java.util.List;
import java.util.Optional;

/**
 * Both sides of one repetition of a comparison.
 *
 * @param repetition 1-based
 * @param seed       seeds LeNet-5's weights and batch order and the search's sampler and trials
 * @param bestTrial  index of the search's chosen trial
 * @param bestSoFar  the search's best validation error over its time
 * @param stopReason why the search ended (budget used up, trial budget reached, ...)
 * @param finalTrained the search's model after its final training, when the comparison had one
 * @param trainingTime where the search's training time went (pruned trials, the winner, the others, final training)
 */
public record RepetitionOutcome(int repetition, long seed, ChosenModel lenet5, ChosenModel search, int bestTrial,
                                TrialCounts trials, List<BestSoFar.Point> bestSoFar, String stopReason,
                                Optional<ChosenModel> finalTrained, TrainingTime trainingTime) {

    public RepetitionOutcome {
        bestSoFar = List.copyOf(bestSoFar);
    }

    /** Search minus LeNet-5 test accuracy: positive when the search's model is better. */
    public double accuracyDifference() {
        return search.testAccuracy() - lenet5.testAccuracy();
    }

    /** LeNet-5, the search's model and, when there is one, that model after final training. */
    public List<ChosenModel> models() {
        return finalTrained.map(trained -> List.of(lenet5, search, trained)).orElse(List.of(lenet5, search));
    }
}
