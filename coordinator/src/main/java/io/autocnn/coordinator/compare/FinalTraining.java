package io.autocnn.coordinator.compare;

import io.autocnn.space.spec.LearningRateSchedule;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecLimits;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.train.Augmentation;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The search's chosen model trained further once the search has chosen it: from its checkpoint, on the training and
 * validation images together (nothing is left to choose with them), for a declared share of the budget, its learning
 * rate falling from the specification's own to zero by half a cosine. The test set then measures it; the validation
 * error it reports is on images it trained on, a measure of fit only.
 *
 * @param share        of the budget, taken from the search's; 0 = no final training
 * @param augmentation the dataset's, as the search's trials trained with
 */
public record FinalTraining(double share, Augmentation augmentation) {

    public static final double MAX_SHARE = 0.9;
    public static final double DEFAULT_SHARE = 0.2;
    /** Of its time, the share planned for training steps: measuring each epoch and saving take the rest. */
    static final double PLANNED = 0.8;
    /** Less than this many epochs would not move the weights enough to be worth reporting. */
    static final double FEWEST_EPOCHS = 0.01;

    public FinalTraining {
        if (!(share >= 0 && share <= MAX_SHARE)) {
            throw new IllegalArgumentException("--final-training must be from 0 (none) to " + MAX_SHARE
                    + " of the budget, got " + share);
        }
    }

    public boolean enabled() {
        return share > 0;
    }

    /** What the search keeps of {@code budget}. */
    public Duration searchBudget(Duration budget) {
        return Duration.ofMillis(Math.round(budget.toMillis() * (1 - share)));
    }

    /** What final training takes of {@code budget}. */
    public Duration time(Duration budget) {
        return budget.minus(searchBudget(budget));
    }

    /**
     * Trains {@code chosen} (whose weights are in {@code checkpoint}) for at most {@code time}, writing the model to
     * {@code saveTo}; the epochs are planned from the speed the trial trained at.
     */
    public ChosenModel train(ChosenModel chosen, Path checkpoint, TrainingData data, Duration time, Path saveTo,
                             TrialListener listener) throws IOException {
        TrainingData all = data.withValidationInTraining();
        EpochMetrics last = chosen.curve().get(chosen.curve().size() - 1);
        double epochs = Math.min(TrialSpecLimits.MAX_EPOCHS / 2, Math.max(FEWEST_EPOCHS,
                time.toMillis() / 1000.0 * PLANNED * last.examplesPerSecond() / all.train().size()));
        double target = chosen.chosenEpoch() + epochs;
        TrialSpec spec = chosen.spec().withTraining(chosen.spec().training().withEpochs(target));
        TrainingSettings anneal = chosen.spec().training().withEpochs(epochs)
                .withSchedule(LearningRateSchedule.COSINE, 0);
        long start = System.nanoTime();
        TrialResult result = new TrialRunner(RunnerOptions.defaults().withAugmentation(augmentation)).run(spec, all,
                TrialRun.epochs(target).resumingFrom(checkpoint).savingTo(saveTo).withBudget(time)
                        .withFreshCurve(anneal), listener);
        boolean outOfTime = result.failureCause().orElse(null) == FailureCause.TIMEOUT;
        if ((result.state() == TrialState.FAILED && !outOfTime) || result.epochs().isEmpty()) {
            throw new IllegalStateException("final training of the search's model ended without a model ("
                    + result.failureCause().map(Enum::name).orElse(result.state().name()) + "): " + result.message());
        }
        EpochMetrics end = result.epochs().get(result.epochs().size() - 1);
        return new ChosenModel(Side.FINAL, spec.withTraining(spec.training().withEpochs(result.epochsTrained())),
                TestAccuracy.of(saveTo, data), end.validationError(), result.epochsTrained(), result.epochsTrained(),
                chosen.parameters(),
                (System.nanoTime() - start) / 1e9, result.epochs());
    }
}
