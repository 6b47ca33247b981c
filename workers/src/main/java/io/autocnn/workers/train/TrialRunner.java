package io.autocnn.workers.train;

import io.autocnn.space.spec.InvalidSpecException;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.data.SeededPermutation;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.model.ScheduledLearningRate;
import io.autocnn.workers.model.WeightTransfer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Trains and evaluates one trial: builds the network (or resumes a checkpoint), runs minibatch epochs in a seeded
 * order, and reports metrics after each epoch. Everything that goes wrong inside the trial becomes a FAILED result
 * with a cause, never an exception: NaN or infinite loss is NAN, an exhausted wall-clock budget is TIMEOUT (metrics
 * and model kept), a network whose memory estimate exceeds what is free is TOO_LARGE (refused before anything is
 * allocated), anything else is EXCEPTION.
 *
 * <p>Batch order depends only on the seed and the epoch number, so a run resumed from a checkpoint sees the same
 * batches as one that never stopped.
 */
public final class TrialRunner {

    private final RunnerOptions options;

    public TrialRunner(RunnerOptions options) {
        this.options = options;
        LayerHelpers.enableUnlessConfigured();
    }

    public TrialRunner() {
        this(RunnerOptions.defaults());
    }

    public TrialResult run(TrialSpec spec, TrainingData data, TrialRun run, TrialListener listener) {
        Progress progress = new Progress(System.nanoTime(), run);
        try {
            CnnBuilder.requireBuildable(spec, data.shape(), data.numClasses());
            ComputationGraph network = start(spec, data, run, progress);
            run.freshCurve().ifPresent(curve -> network.setLearningRate(ScheduledLearningRate.startingAt(curve,
                    batchesPerEpoch(spec, data), network.getIterationCount())));
            Nd4j.getRandom().setSeed(spec.training().seed());
            try (DataParallelFit fitter = DataParallelFit.of(network, options.replicas(), spec.training().seed())) {
                return train(spec, data, run, listener, fitter, progress);
            }
        } catch (InvalidSpecException e) {
            return progress.failed(FailureCause.EXCEPTION, e.getMessage());
        } catch (TrialTooLargeException e) {
            return progress.failed(FailureCause.TOO_LARGE, e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            return progress.failed(FailureCause.EXCEPTION, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private ComputationGraph start(TrialSpec spec, TrainingData data, TrialRun run, Progress progress)
            throws IOException {
        ComputationGraphConfiguration configuration = CnnBuilder.configuration(spec, data.shape(), data.numClasses(),
                batchesPerEpoch(spec, data));
        refuseIfTooLarge(configuration, spec, data);
        long parameters = CnnBuilder.parameterCount(configuration);
        int layers = CnnBuilder.layerCount(configuration);
        progress.parameterCount = parameters;
        if (run.resumeFrom().isEmpty()) {
            ComputationGraph fresh = new ComputationGraph(configuration);
            fresh.init();
            inherit(run, fresh);
            return fresh;
        }
        // Resuming: only the checkpoint's weights are allocated; the specification is checked by its counts.
        Checkpoint.Restored restored = Checkpoint.read(run.resumeFrom().get());
        if (restored.network().numParams() != parameters || restored.network().getNumLayers() != layers) {
            throw new IOException(run.resumeFrom().get() + ": checkpoint holds a different network ("
                    + restored.network().numParams() + " parameters in " + restored.network().getNumLayers()
                    + " layers) than the specification (" + parameters + " in " + layers + ")");
        }
        progress.epochsTrained = restored.epochsTrained();
        return restored.network();
    }

    /** A child takes its parent's weights where layers match; an unreadable parent model leaves it as initialised. */
    private static void inherit(TrialRun run, ComputationGraph fresh) {
        if (run.inheritFrom().isEmpty()) {
            return;
        }
        try {
            WeightTransfer.copyMatching(Checkpoint.read(run.inheritFrom().get()).network(), fresh);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(TrialRunner.class).warn("trial starts from its own initial weights: the parent "
                    + "model {} could not be read ({})", run.inheritFrom().get(), e.getMessage());
        }
    }

    /** Refuses before allocating anything: an OutOfMemoryError halfway through can take the whole worker down. */
    private void refuseIfTooLarge(ComputationGraphConfiguration configuration, TrialSpec spec, TrainingData data) {
        TrialMemoryEstimate estimate = TrialMemoryEstimate.of(configuration, data.shape(),
                spec.training().batchSize(), options.evaluationChunk());
        long available = options.trialMemoryAvailable();
        // Replicas train on parts of each batch, but each holds its own weights, optimizer state and workspaces.
        if (estimate.requiredBytes() * options.replicas() > available) {
            throw new TrialTooLargeException("by DL4J's memory report the trial needs " + estimate + " of off-heap "
                    + "memory at batch size " + spec.training().batchSize()
                    + (options.replicas() > 1 ? " for each of its " + options.replicas() + " replicas" : "")
                    + ", " + TrialMemoryEstimate.SAFETY_MARGIN
                    + " times that with the safety margin, but only " + TrialMemoryEstimate.megabytes(available)
                    + " is available to it; use fewer or smaller layers or a smaller batch, or give the worker more "
                    + "memory (-Dorg.bytedeco.javacpp.maxbytes and maxphysicalbytes)");
        }
    }

    private TrialResult train(TrialSpec spec, TrainingData data, TrialRun run, TrialListener listener,
                              DataParallelFit fitter, Progress progress) throws IOException {
        ComputationGraph network = fitter.network();
        TrainingData.Part train = data.train();
        int batchSize = spec.training().batchSize();
        int batchesPerEpoch = batchesPerEpoch(spec, data);
        long batchesDone = Math.round(progress.epochsTrained * batchesPerEpoch);
        // Round the target up to whole batches, so a trial asked for 1/9 epoch has trained at least 1/9 epoch.
        long targetBatches = (long) Math.ceil(run.targetEpochs() * batchesPerEpoch - 1e-9);
        Passes passes = new Passes(run.trainingImages(train.size(), batchSize), batchSize, spec.training().seed());
        while (batchesDone < targetBatches) {
            int epochIndex = (int) (batchesDone / batchesPerEpoch);
            int firstBatch = (int) (batchesDone % batchesPerEpoch);
            int endBatch = (int) Math.min(batchesPerEpoch, firstBatch + (targetBatches - batchesDone));
            long epochStart = System.nanoTime();
            double lossSum = 0;
            int examples = 0;
            boolean outOfTime = false;
            boolean stopRequested = false;
            int batch = firstBatch;
            while (batch < endBatch && !outOfTime && !stopRequested) {
                int[] rows = passes.rowsOf(batchesDone);
                double loss = fitBatch(fitter, train, rows, data, spec.training().labelSmoothing(),
                        options.augmentation(), passes.seedOf(batchesDone));
                batch++;
                batchesDone++;
                if (!Double.isFinite(loss)) {
                    progress.epochsTrained = (double) batchesDone / batchesPerEpoch;
                    return progress.failed(FailureCause.NAN, "training loss became " + loss + " in epoch "
                            + (epochIndex + 1) + ", batch " + batch + " (learning rate "
                            + spec.training().learningRate() + " too large?)");
                }
                lossSum += loss;
                examples += rows.length;
                listener.onBatch(epochIndex + 1, batch, batchesPerEpoch);
                outOfTime = progress.outOfTime();
                stopRequested = listener.shouldStop();
            }
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            progress.epochsTrained = (double) batchesDone / batchesPerEpoch;
            EpochMetrics metrics = measure(network, data, run, spec, progress, lossSum / (batch - firstBatch), seconds,
                    examples);
            progress.epochs.add(metrics);
            listener.onEpoch(metrics);
            if (outOfTime) {
                save(network, run, progress, data);
                return progress.failed(FailureCause.TIMEOUT, "wall-clock budget of "
                        + run.wallClockBudget().orElseThrow() + " used up after " + progress.epochsTrained + " epochs");
            }
            if (stopRequested || listener.shouldStop()) {
                break;
            }
        }
        save(network, run, progress, data);
        return TrialResult.completed(progress.epochs, round(progress.epochsTrained), progress.parameterCount);
    }

    private static int batchesPerEpoch(TrialSpec spec, TrainingData data) {
        int batchSize = spec.training().batchSize();
        return Math.max(1, (data.train().size() + batchSize - 1) / batchSize);
    }

    private static double fitBatch(DataParallelFit fitter, TrainingData.Part train, int[] rows, TrainingData data,
                                   double labelSmoothing, Augmentation augmentation, long batchSeed) {
        INDArray features = Nd4j.pullRows(train.features(), 1, rows)
                .reshape('c', rows.length, data.shape().channels(), data.shape().height(), data.shape().width());
        if (!augmentation.isNone()) {
            features = augmentation.apply(features, batchSeed);
        }
        INDArray labels = Nd4j.pullRows(train.oneHotLabels(), 1, rows);
        if (labelSmoothing > 0) {
            // Training labels only: (1 - e) on the true class plus e spread over all; cross-entropy takes soft labels.
            labels.muli(1 - labelSmoothing).addi(labelSmoothing / data.numClasses());
        }
        return fitter.fit(new DataSet(features, labels));
    }

    private EpochMetrics measure(ComputationGraph network, TrainingData data, TrialRun run, TrialSpec spec,
                                 Progress progress, double trainLoss, double seconds, int examples) {
        int chunk = options.evaluationChunk();
        int validationImages = data.validation().size() == 0 ? 0 : run.validationImages(data.validation().size());
        double trainError = ErrorRate.of(network, data.train(), data.shape(),
                options.trainErrorImages(validationImages), chunk);
        double validationError = ErrorRate.of(network, data.validation(), data.shape(), validationImages, chunk);
        // Test error is reported, never used to decide: by default once a trial has trained all its epochs on all
        // its data (its final figure, what the leaderboard's test column shows).
        boolean finished = progress.epochsTrained >= spec.training().epochs() - EpochMetrics.EPOCH_TOLERANCE
                && run.trainingShare() >= 1;
        OptionalDouble testError = run.testMeasure().after(finished) && data.test().size() > 0
                ? OptionalDouble.of(ErrorRate.onTestSet(network, data, options))
                : OptionalDouble.empty();
        return new EpochMetrics(round(progress.epochsTrained), trainLoss, trainError, validationError, testError,
                seconds, examples / Math.max(seconds, 1e-9), progress.parameterCount);
    }

    private static void save(ComputationGraph network, TrialRun run, Progress progress, TrainingData data)
            throws IOException {
        for (Path file : run.saveTo().stream().toList()) {
            Checkpoint.write(network, progress.epochsTrained, new ModelInput(data.shape(), data.classNames()), file);
        }
    }

    /**
     * The order in which a run goes through its training images: passes over its first {@code images} (all of them,
     * or a low rung's sample), each in its own seeded order. Step {@code n} of a trial (counted over all its runs)
     * always takes the same rows, so a resumed run sees the batches an uninterrupted one would; over all images a
     * pass is an epoch.
     */
    private static final class Passes {
        private final int images;
        private final int batchSize;
        private final int batchesPerPass;
        private final long seed;
        private long pass = -1;
        private int[] order;

        Passes(int images, int batchSize, long seed) {
            this.images = images;
            this.batchSize = batchSize;
            this.batchesPerPass = Math.max(1, (images + batchSize - 1) / batchSize);
            this.seed = seed;
        }

        int[] rowsOf(long step) {
            long stepPass = step / batchesPerPass;
            if (stepPass != pass) {
                pass = stepPass;
                order = SeededPermutation.of(images, passSeed(pass));
            }
            int inPass = (int) (step % batchesPerPass);
            return Arrays.copyOfRange(order, inPass * batchSize, Math.min(images, (inPass + 1) * batchSize));
        }

        /** The seed of the step's augmentation: one per batch of a pass. */
        long seedOf(long step) {
            return passSeed(step / batchesPerPass) * 31 + step % batchesPerPass;
        }

        /** Mixes the trial seed with the pass number (SplitMix64's constant) so each pass has its own order. */
        private long passSeed(long passNumber) {
            return seed * 0x9E3779B97F4A7C15L + (int) passNumber;
        }
    }

    /** Epoch counts are ratios of batch counts; rounding keeps 1.4999999 from showing up as the epoch number. */
    private static double round(double epochs) {
        return Math.round(epochs * 1e6) / 1e6;
    }

    /** A trial refused by its memory estimate. */
    private static final class TrialTooLargeException extends RuntimeException {
        TrialTooLargeException(String message) {
            super(message);
        }
    }

    /** What the running trial has achieved so far, so any exit can report it. */
    private static final class Progress {
        final long startNanos;
        final TrialRun run;
        final List<EpochMetrics> epochs = new ArrayList<>();
        double epochsTrained;
        long parameterCount;

        Progress(long startNanos, TrialRun run) {
            this.startNanos = startNanos;
            this.run = run;
        }

        boolean outOfTime() {
            return run.wallClockBudget().map(b -> System.nanoTime() - startNanos >= b.toNanos()).orElse(false);
        }

        TrialResult failed(FailureCause cause, String message) {
            return TrialResult.failed(cause, message, epochs, round(epochsTrained), parameterCount);
        }
    }
}
