package io.autocnn.coordinator.compare;

import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.definition.SearchField;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The search's chosen model trained further once the search has chosen it: from its checkpoint, on the training and
 * validation images together (nothing is left to choose with them), for a declared share of the budget, its learning
 * rate falling from the specification's own to zero by half a cosine. The test set then measures it; the validation
 * error it reports is on images it trained on, a measure of fit only. Its search's trial slots are free by then, so
 * the model trains on as many replicas side by side as the search had slots and this machine's cores allow
 * ({@link RunnerOptions#withReplicasUpTo}).
 *
 * @param share        of the budget, taken from the search's; 0 = no final training
 * @param augmentation the dataset's, as the search's trials trained with
 * @param slots        trials the search ran at a time
 */
public record FinalTraining(double share, Augmentation augmentation, int slots) {

    public static final double MAX_SHARE = SearchField.FINAL_TRAINING_SHARE.max() / 100.0;
    public static final double DEFAULT_SHARE = 0.2;
    /** Of its time, the share planned for training steps: measuring each epoch and saving take the rest. */
    static final double PLANNED = 0.8;
    /** Less than this many epochs would not move the weights enough to be worth reporting. */
    static final double FEWEST_EPOCHS = 0.01;
    /**
     * The first steps, at the specification's own rate, measure how fast this network trains here and now: the
     * trial's speed was measured while other trials shared the cores (it planned a third too few epochs then). The
     * first batches also pay the native library's start-up: 20 batches measured 817 examples/s where the epochs then
     * ran at 950-1,180, and the training ended with 31 % of its time unused; 100 spread that cost.
     */
    static final int CALIBRATION_BATCHES = 100;
    /** At most this share of the time goes to the calibration. */
    static final double CALIBRATION_SHARE = 0.1;
    /**
     * The measure of fit after each epoch looks at this many of the validation images (now trained on): it chooses
     * nothing, and measuring all 6,000 of Fashion-MNIST's and as many training images took about 6 s of each 55-s
     * epoch of the two-hour benchmark's final training (120 s of its 995 went to anything but training steps).
     */
    static final int FIT_MEASURE_IMAGES = 1_000;

    public FinalTraining {
        if (!(share >= 0 && share <= MAX_SHARE)) {
            throw new IllegalArgumentException("--final-training must be from 0 (none) to " + MAX_SHARE
                    + " of the budget, got " + share);
        }
        if (slots < 1) {
            throw new IllegalArgumentException("a search has at least one trial slot, got " + slots);
        }
    }

    /** The final training of {@code share} for a search of {@code definition}. */
    public static FinalTraining of(double share, SearchDefinition definition) {
        return new FinalTraining(share, definition.dataset().augmentation(), definition.maxConcurrent());
    }

    public boolean enabled() {
        return share > 0;
    }

    /** What the search keeps of {@code budget}. */
    public Duration searchBudget(Duration budget) {
        return budget.minus(time(budget));
    }

    /** What final training takes of {@code budget}. */
    public Duration time(Duration budget) {
        return SearchDefinition.finalTrainingPart(budget, share);
    }

    /**
     * Trains {@code chosen} (whose weights are in {@code checkpoint}) for at most {@code time}, writing the model to
     * {@code saveTo}: a few calibrating steps at the specification's rate, then as many epochs as their speed says fit
     * in the time left, annealed to zero.
     */
    public ChosenModel train(ChosenModel chosen, Path checkpoint, TrainingData data, Duration time, Path saveTo,
                             TrialListener listener) throws IOException {
        TrainingData all = data.withValidationInTraining();
        double fitShare = fitMeasureShare(all.validation().size());
        TrialRunner runner = new TrialRunner(RunnerOptions.defaults().withAugmentation(augmentation)
                .withReplicasUpTo(slots));
        long start = System.nanoTime();
        double trialSpeed = chosen.curve().get(chosen.curve().size() - 1).examplesPerSecond();
        double calibration = Math.min(CALIBRATION_BATCHES * (double) chosen.spec().training().batchSize(),
                CALIBRATION_SHARE * seconds(time) * trialSpeed) / all.train().size();
        TrialResult calibrated = run(runner, chosen.spec(), chosen.chosenEpoch() + calibration, all,
                TrialRun.epochs(chosen.chosenEpoch() + calibration).resumingFrom(checkpoint).savingTo(saveTo)
                        .withBudget(time).validatingOn(fitShare), listener);
        double left = seconds(time) - (System.nanoTime() - start) / 1e9;
        if (calibrated.state() != TrialState.COMPLETED || left <= 0) {
            return finalModel(chosen, calibrated, calibrated.epochs(), data, saveTo, start);
        }
        double speed = calibrated.epochs().get(calibrated.epochs().size() - 1).examplesPerSecond();
        double epochs = Math.min(TrialSpecLimits.MAX_EPOCHS / 2, Math.max(FEWEST_EPOCHS,
                left * PLANNED * speed / all.train().size()));
        double target = calibrated.epochsTrained() + epochs;
        TrainingSettings anneal = chosen.spec().training().withEpochs(epochs)
                .withSchedule(LearningRateSchedule.COSINE, 0);
        TrialResult result = run(runner, chosen.spec(), target, all, TrialRun.epochs(target).resumingFrom(saveTo)
                .savingTo(saveTo).withBudget(Duration.ofMillis(Math.max(1, Math.round(left * 1000))))
                .withFreshCurve(anneal).validatingOn(fitShare), listener);
        List<EpochMetrics> curve = new ArrayList<>(calibrated.epochs());
        curve.addAll(result.epochs());
        return finalModel(chosen, result, curve, data, saveTo, start);
    }

    /** Of {@code validationImages}, the share the measure of fit after each epoch looks at. */
    static double fitMeasureShare(int validationImages) {
        return validationImages <= FIT_MEASURE_IMAGES ? 1 : FIT_MEASURE_IMAGES / (double) validationImages;
    }

    private static ChosenModel finalModel(ChosenModel chosen, TrialResult last, List<EpochMetrics> curve,
                                          TrainingData data, Path saveTo, long start) throws IOException {
        return new ChosenModel(Side.FINAL, chosen.spec().withTraining(chosen.spec().training()
                .withEpochs(last.epochsTrained())), TestAccuracy.of(saveTo, data),
                curve.get(curve.size() - 1).validationError(), last.epochsTrained(), last.epochsTrained(),
                chosen.parameters(), (System.nanoTime() - start) / 1e9, curve);
    }

    /** One run of the final training; a run that ends without a model is an error. */
    private static TrialResult run(TrialRunner runner, TrialSpec spec, double target, TrainingData all, TrialRun run,
                                   TrialListener listener) {
        TrialResult result = runner.run(spec.withTraining(spec.training().withEpochs(target)), all, run, listener);
        boolean outOfTime = result.failureCause().orElse(null) == FailureCause.TIMEOUT;
        if ((result.state() == TrialState.FAILED && !outOfTime) || result.epochs().isEmpty()) {
            throw new IllegalStateException("final training of the search's model ended without a model ("
                    + result.failureCause().map(Enum::name).orElse(result.state().name()) + "): " + result.message());
        }
        return result;
    }

    private static double seconds(Duration time) {
        return time.toMillis() / 1000.0;
    }
}
