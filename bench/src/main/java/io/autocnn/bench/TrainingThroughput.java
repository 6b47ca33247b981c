package io.autocnn.bench;

import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.Pooling;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.data.IdxDataset;
import io.autocnn.workers.data.LabeledImages;
import io.autocnn.workers.data.ValidationSplit;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.LayerHelpers;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;

import java.util.List;
import java.util.Locale;

/**
 * Trains a network on real Fashion-MNIST images through the product's {@link TrialRunner} and prints one line:
 * {@code model images epochs examples_per_second validation_error}. Configuration (native backend, threads, JVM
 * flags) comes from how the JVM was started, so a driver script can compare configurations run by run.
 *
 * <p>Arguments: model ({@code lenet5} or {@code deeper}), training images, epochs.
 */
public final class TrainingThroughput {

    private TrainingThroughput() {
    }

    /** A deeper 5x5/3x3 candidate of the kind a search proposes. */
    static TrialSpec deeper() {
        return new TrialSpec(
                List.of(ConvBlock.of(32, 5, PaddingMode.SAME),
                        ConvBlock.of(32, 3, PaddingMode.SAME).withPooling(Pooling.max(2)),
                        ConvBlock.of(64, 3, PaddingMode.SAME).withPooling(Pooling.max(2))),
                List.of(DenseLayerSpec.of(128)),
                LeNet5.spec().training());
    }

    public static void main(String[] args) {
        String model = args.length > 0 ? args[0] : "lenet5";
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 6_000;
        double epochs = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        TrialSpec spec = switch (model) {
            case "lenet5" -> LeNet5.spec();
            case "deeper" -> deeper();
            default -> throw new IllegalArgumentException("model must be lenet5 or deeper, got " + model);
        };
        spec = spec.withTraining(spec.training().withEpochs(epochs));
        LabeledImages train = ValidationSplit.sample(
                IdxDataset.fashionMnist(IdxDataset.FASHION_MNIST_DEFAULT_DIR).train(), images + 2_000, 1);
        ValidationSplit.Parts parts = ValidationSplit.carve(train, 2_000.0 / (images + 2_000), 2);
        TrainingData data = TrainingData.of(parts.train(), parts.validation(), parts.validation().empty());

        // A short warm-up run so JIT compilation and native library loading are not measured.
        new TrialRunner().run(spec.withTraining(spec.training().withEpochs(0.05)), data, TrialRun.epochs(0.05),
                TrialListener.NONE);
        TrialResult result = new TrialRunner().run(spec, data, TrialRun.epochs(epochs), TrialListener.NONE);
        if (result.epochs().isEmpty()) {
            throw new IllegalStateException("trial failed: " + result.message());
        }
        double seconds = result.epochs().stream().mapToDouble(m -> m.epochSeconds()).sum();
        double examples = parts.train().size() * epochs;
        System.out.printf(Locale.ROOT, "RESULT %s %d %.2f %.1f %.4f onednn=%s%n", model, parts.train().size(), epochs,
                examples / seconds, result.finalValidationError().orElse(Double.NaN), LayerHelpers.oneDnnActive());
    }
}
