package io.autocnn.coordinator.experiment;

import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;

import java.util.List;

/** Trains one network of an experiment through the project's trial runner, measuring test error every epoch. */
final class NetworkTraining {

    private NetworkTraining() {
    }

    /** The metrics of every epoch; a trial that fails (NaN loss, an exception) ends the experiment. */
    static List<EpochMetrics> epochs(String what, TrialSpec spec, TrainingData data, ExperimentProgress progress) {
        TrialRun run = TrialRun.epochs(spec.training().epochs()).measuringTest();
        TrialResult result = new TrialRunner().run(spec, data, run, progress.trainingNetwork(what));
        if (result.state() != TrialState.COMPLETED || result.epochs().isEmpty()) {
            throw new IllegalStateException(what + " failed (" + result.failureCause().map(Enum::name).orElse("")
                    + "): " + result.message());
        }
        return result.epochs();
    }

    /** Test error after the last epoch. */
    static double finalTestError(List<EpochMetrics> epochs) {
        return epochs.get(epochs.size() - 1).testError().orElseThrow();
    }
}
