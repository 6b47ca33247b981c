package io.autocnn.coordinator.compare;

import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.EpochMetrics;

import java.util.List;

/**
 * The model one side chose by validation error in one repetition, and what it cost.
 *
 * @param spec            what was trained (its epochs are those of the training, not of the chosen checkpoint)
 * @param testAccuracy    measured once, on the chosen checkpoint, after the side's budget was used
 * @param validationError the error the model was chosen by
 * @param chosenEpoch     epochs the chosen checkpoint had been trained
 * @param epochsTrained   epochs the side trained in all (every trial's, for the search)
 * @param seconds         wall-clock seconds the side used of its budget
 * @param curve           the chosen model's per-epoch metrics (its whole training, past the chosen epoch too)
 */
public record ChosenModel(Side side, TrialSpec spec, double testAccuracy, double validationError, double chosenEpoch,
                          double epochsTrained, long parameters, double seconds, List<EpochMetrics> curve) {

    public ChosenModel {
        curve = List.copyOf(curve);
    }
}
