package io.autocnn.coordinator.experiment;

import io.autocnn.space.trial.EpochMetrics;

import java.util.List;
import java.util.stream.IntStream;

/**
 * One model's errors averaged over runs: one point per epoch for a network, a single point for a model that is
 * fitted once (the random forest), which has no epochs.
 *
 * @param model    a person's name for the model
 * @param perEpoch false for a model fitted once; its single point then has epoch 0
 * @param runs     how many runs the means are over
 */
public record ModelCurve(String model, boolean perEpoch, int runs, List<MeanErrors> points) {

    public ModelCurve {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException(model + ": a curve needs at least one point");
        }
    }

    /** Averages the runs of a network epoch by epoch; every run must have trained the same epochs. */
    static ModelCurve ofEpochs(String model, List<List<EpochMetrics>> runs) {
        int epochs = runs.get(0).size();
        if (runs.stream().anyMatch(r -> r.size() != epochs)) {
            throw new IllegalStateException(model + ": runs trained different numbers of epochs");
        }
        List<MeanErrors> points = IntStream.range(0, epochs).mapToObj(e -> MeanErrors.of(runs.get(0).get(e).epoch(),
                runs.stream().mapToDouble(r -> r.get(e).trainError()).toArray(),
                runs.stream().mapToDouble(r -> r.get(e).testError().orElseThrow()).toArray())).toList();
        return new ModelCurve(model, true, runs.size(), points);
    }

    static ModelCurve ofSingleFit(String model, double[] trainErrors, double[] testErrors) {
        return new ModelCurve(model, false, trainErrors.length, List.of(MeanErrors.of(0, trainErrors, testErrors)));
    }

    /** The errors the model ends with: after its last epoch, or of its only fit. */
    public MeanErrors last() {
        return points.get(points.size() - 1);
    }
}
