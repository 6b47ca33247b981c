package io.autocnn.coordinator.experiment;

import io.autocnn.coordinator.report.Percent;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.workers.baseline.MultilayerPerceptron;
import io.autocnn.workers.baseline.RandomForest;
import io.autocnn.workers.data.DatasetSplit;
import io.autocnn.workers.model.CifarGrayCnn;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;

import java.util.ArrayList;
import java.util.List;

/**
 * The lecture's grayscale CIFAR-10 comparison: a random forest, an MLP 512/100 (which overfits: its train error
 * keeps falling while its test error rises) and a CNN of four convolutions, each run {@code runs} times with
 * different seeds on the same images, their train and test errors averaged per epoch.
 *
 * @param epochs epochs for both networks (the lecture: 100)
 * @param runs   independent runs to average (the lecture: 10); run r uses seed {@code seed + r}
 * @param trees  trees of the random forest (the lecture: 300)
 * @param seed   seed of the first run
 */
public record CifarGrayExperiment(double epochs, int runs, int trees, long seed) {

    public static final String CNN = "CNN (4 conv + dense " + CifarGrayCnn.DENSE_UNITS + ")";

    public CifarGrayExperiment {
        if (!(epochs > 0)) {
            throw new IllegalArgumentException("--epochs must be positive, got " + epochs);
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
        }
        if (trees < 1) {
            throw new IllegalArgumentException("--trees must be at least 1, got " + trees);
        }
    }

    /** Examples per step of both networks: the lecture's batch of 200. */
    public int batchSize() {
        return CifarGrayCnn.BATCH_SIZE;
    }

    /** Curves for the random forest, the MLP and the CNN, in that order. */
    public List<ModelCurve> run(DatasetSplit split, ExperimentProgress progress) {
        TrainingData data = TrainingData.of(split);
        // The forest's train error is measured on the same share of the training set as the networks'.
        int trainSample = RunnerOptions.defaults().trainErrorImages(data.validation().size());
        double[] forestTrain = new double[runs];
        double[] forestTest = new double[runs];
        List<List<EpochMetrics>> mlpRuns = new ArrayList<>();
        List<List<EpochMetrics>> cnnRuns = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long runSeed = seed + r;
            String label = " (run " + (r + 1) + " of " + runs + ")";
            String forest = ScrambledExperiment.forestName(trees) + label;
            progress.fittingForest(forest);
            RandomForest model = RandomForest.train(split.train(), trees, runSeed);
            forestTrain[r] = model.errorRate(split.train().first(trainSample));
            forestTest[r] = model.errorRate(split.test());
            progress.finished(forest, "test error " + Percent.of(forestTest[r]));

            // Both networks train with the CNN's settings (batch 200, Adam), so they differ only in their layers.
            TrainingSettings training = CifarGrayCnn.spec().training().withEpochs(epochs).withSeed(runSeed);
            mlpRuns.add(network(ScrambledExperiment.MLP + label, MultilayerPerceptron.lecture(training), data,
                    progress));
            cnnRuns.add(network(CNN + label, CifarGrayCnn.spec().withTraining(training), data, progress));
        }
        return List.of(ModelCurve.ofSingleFit(ScrambledExperiment.forestName(trees), forestTrain, forestTest),
                ModelCurve.ofEpochs(ScrambledExperiment.MLP, mlpRuns),
                ModelCurve.ofEpochs(CNN, cnnRuns));
    }

    private static List<EpochMetrics> network(String what, TrialSpec spec, TrainingData data,
                                              ExperimentProgress progress) {
        List<EpochMetrics> epochs = NetworkTraining.epochs(what, spec, data, progress);
        progress.finished(what, "test error " + Percent.of(
                NetworkTraining.finalTestError(epochs)));
        return epochs;
    }
}
