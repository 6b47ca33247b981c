package io.autocnn.coordinator.compare;

import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecLimits;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.Augmentation;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrialRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hand-built side of a comparison: LeNet-5 trained epoch after epoch until the wall-clock budget (or
 * {@code maxEpochs}) is used up, or until {@code patience} epochs in a row did not lower the validation error (0: no
 * such stop), keeping the checkpoint of the epoch with the lowest validation error, as early stopping would. Each epoch is its own run of the trial runner, resumed from the previous one's checkpoint, so the
 * model of every epoch can be kept; the batches are those of one uninterrupted run. It trains on the batches the
 * search's trials train on, with the dataset's augmentation, so the two sides differ only in the network.
 */
public record LeNet5UnderBudget(Duration budget, int maxEpochs, int patience, Augmentation augmentation) {

    /** The most epochs a specification may ask for, so a long budget still trains a valid specification. */
    public static final int EPOCH_LIMIT = (int) TrialSpecLimits.MAX_EPOCHS;

    public LeNet5UnderBudget {
        if (maxEpochs < 1 || maxEpochs > EPOCH_LIMIT) {
            throw new IllegalArgumentException("--max-epochs must be between 1 and " + EPOCH_LIMIT + ", got "
                    + maxEpochs);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("--patience must be 0 (off) or positive, got " + patience);
        }
    }

    /** Without the patience stop or augmentation. */
    public LeNet5UnderBudget(Duration budget, int maxEpochs) {
        this(budget, maxEpochs, 0, Augmentation.NONE);
    }

    /** The longest untimed warm-up; a tenth of the budget when that is less. */
    public static final Duration LONGEST_WARM_UP = Duration.ofSeconds(30);

    /**
     * Trains LeNet-5 untimed for at most one epoch, a tenth of the budget or {@link #LONGEST_WARM_UP}: a fresh JVM
     * trains several times slower until its compiler has caught up (measured here: about 120 against 1,000
     * examples/s on 1,080 images), which would otherwise fall into the first repetition's LeNet-5 budget only.
     */
    public void warmUp(TrainingData data) {
        Duration length = budget.dividedBy(10).compareTo(LONGEST_WARM_UP) < 0 ? budget.dividedBy(10) : LONGEST_WARM_UP;
        new TrialRunner().run(LeNet5.spec(), data, TrialRun.epochs(1).withBudget(length), TrialListener.NONE);
    }

    /** Trains in {@code directory} (checkpoints {@code lenet5-last.zip} and {@code lenet5-best.zip}). */
    public ChosenModel train(TrainingData data, long seed, Path directory, TrialListener listener) throws IOException {
        TrialSpec spec = LeNet5.spec().withTraining(LeNet5.spec().training().withEpochs(maxEpochs).withSeed(seed));
        Path last = directory.resolve("lenet5-last.zip");
        Path best = directory.resolve("lenet5-best.zip");
        Files.createDirectories(directory);
        TrialRunner runner = new TrialRunner(RunnerOptions.defaults().withAugmentation(augmentation));
        List<EpochMetrics> epochs = new ArrayList<>();
        EpochMetrics chosen = null;
        long start = System.nanoTime();
        boolean outOfTime = false;
        int epochsWithoutImprovement = 0;
        for (int target = 1; target <= maxEpochs && !outOfTime; target++) {
            Duration left = budget.minusNanos(System.nanoTime() - start);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            TrialRun run = TrialRun.epochs(target).withBudget(left).savingTo(last);
            TrialResult result = runner.run(spec, data, target == 1 ? run : run.resumingFrom(last), listener);
            outOfTime = result.failureCause().orElse(null) == FailureCause.TIMEOUT;
            if (result.state() == TrialState.FAILED && !outOfTime) {
                throw new IllegalStateException("LeNet-5 failed (" + result.failureCause().orElseThrow() + "): "
                        + result.message());
            }
            // One run trains at most one epoch, so its last metrics describe the checkpoint it saved.
            epochs.addAll(result.epochs());
            EpochMetrics latest = epochs.get(epochs.size() - 1);
            if (chosen == null || latest.validationError() < chosen.validationError()) {
                chosen = latest;
                epochsWithoutImprovement = 0;
                Files.copy(last, best, StandardCopyOption.REPLACE_EXISTING);
            } else if (++epochsWithoutImprovement == patience) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double trained = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
        if (trained < 1 - EpochMetrics.EPOCH_TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--budget %d s is too small: LeNet-5 "
                    + "trained only %.2f of its first epoch in it; a comparison needs at least one epoch (about %.0f s "
                    + "on this data and machine)", budget.toSeconds(), trained,
                    trained > 0 ? seconds / trained : Double.NaN));
        }
        return new ChosenModel(Side.LENET5, spec.withTraining(spec.training().withEpochs(trained)),
                TestAccuracy.of(best, data), chosen.validationError(),
                chosen.epoch(), trained, chosen.parameterCount(), seconds, epochs);
    }
}
