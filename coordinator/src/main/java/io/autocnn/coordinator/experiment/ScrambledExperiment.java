package io.autocnn.coordinator.experiment;

import io.autocnn.coordinator.report.Percent;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.baseline.MultilayerPerceptron;
import io.autocnn.workers.baseline.RandomForest;
import io.autocnn.workers.data.DatasetSplit;
import io.autocnn.workers.data.PixelScrambler;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.TrainingData;

import java.util.ArrayList;
import java.util.List;

/**
 * The lecture's scrambling experiment: LeNet-5, an MLP and a random forest, each trained and tested once on the
 * original images and once on the same images with one fixed pixel permutation applied to train and test alike.
 * Only the CNN uses which pixels are neighbours, so only the CNN should lose accuracy.
 *
 * @param epochs epochs for the two networks
 * @param trees  trees of the random forest
 * @param seed   seeds weights, batch order and the forest
 */
public record ScrambledExperiment(double epochs, int trees, long seed) {

    public static final String LENET5 = "LeNet-5";
    public static final String MLP = "MLP " + MultilayerPerceptron.LECTURE_HIDDEN_UNITS.get(0) + "/"
            + MultilayerPerceptron.LECTURE_HIDDEN_UNITS.get(1);

    public ScrambledExperiment {
        if (!(epochs > 0)) {
            throw new IllegalArgumentException("--epochs must be positive, got " + epochs);
        }
        if (trees < 1) {
            throw new IllegalArgumentException("--trees must be at least 1, got " + trees);
        }
    }

    public static String forestName(int trees) {
        return "random forest (" + trees + " trees)";
    }

    /** One outcome per model: LeNet-5, the MLP, the random forest. */
    public List<ScrambleOutcome> run(DatasetSplit original, PixelScrambler scrambler, ExperimentProgress progress) {
        DatasetSplit scrambled = original.scrambled(scrambler);
        // The MLP trains with LeNet-5's settings, so the two networks differ only in their layers.
        TrainingSettings training = LeNet5.spec().training().withEpochs(epochs).withSeed(seed);
        TrialSpec lenet = LeNet5.spec().withTraining(training);
        TrialSpec mlp = MultilayerPerceptron.lecture(training);

        double[] originalAccuracy = accuracies(original, "original", lenet, mlp, progress);
        double[] scrambledAccuracy = accuracies(scrambled, "scrambled", lenet, mlp, progress);
        List<String> names = List.of(LENET5, MLP, forestName(trees));
        List<ScrambleOutcome> outcomes = new ArrayList<>();
        for (int m = 0; m < names.size(); m++) {
            outcomes.add(new ScrambleOutcome(names.get(m), originalAccuracy[m], scrambledAccuracy[m]));
        }
        return outcomes;
    }

    private double[] accuracies(DatasetSplit split, String variant, TrialSpec lenet, TrialSpec mlp,
                                ExperimentProgress progress) {
        TrainingData data = TrainingData.of(split);
        double[] accuracy = new double[3];
        TrialSpec[] networks = {lenet, mlp};
        String[] names = {LENET5, MLP};
        for (int n = 0; n < networks.length; n++) {
            String what = names[n] + ", " + variant + " images";
            accuracy[n] = 1 - NetworkTraining.finalTestError(NetworkTraining.epochs(what, networks[n], data, progress));
            progress.finished(what, accuracyText(accuracy[n]));
        }
        String what = forestName(trees) + ", " + variant + " images";
        progress.fittingForest(what);
        accuracy[2] = 1 - RandomForest.train(split.train(), trees, seed).errorRate(split.test());
        progress.finished(what, accuracyText(accuracy[2]));
        return accuracy;
    }

    private static String accuracyText(double accuracy) {
        return "test accuracy " + Percent.of(accuracy);
    }
}
