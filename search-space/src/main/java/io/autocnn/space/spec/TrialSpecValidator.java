package io.autocnn.space.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the values of a specification that make sense without knowing the data: counts, ranges, kernel sizes.
 * Shape checks that need the input size (a feature map shrinking below 1x1) belong to the CNN builder.
 */
public final class TrialSpecValidator {

    private TrialSpecValidator() {
    }

    /** Every violation in the specification; empty when it is valid. */
    public static List<SpecViolation> violations(TrialSpec spec) {
        List<SpecViolation> found = new ArrayList<>();
        if (spec.convBlocks().size() > TrialSpecLimits.MAX_CONV_BLOCKS) {
            found.add(new SpecViolation("$.convBlocks", "at most " + TrialSpecLimits.MAX_CONV_BLOCKS
                    + " convolution blocks are allowed, found " + spec.convBlocks().size()));
        }
        for (int i = 0; i < spec.convBlocks().size(); i++) {
            checkConvBlock(spec.convBlocks().get(i), "$.convBlocks[" + i + "]", found);
        }
        if (spec.denseLayers().size() > TrialSpecLimits.MAX_DENSE_LAYERS) {
            found.add(new SpecViolation("$.denseLayers", "at most " + TrialSpecLimits.MAX_DENSE_LAYERS
                    + " dense layers are allowed, found " + spec.denseLayers().size()));
        }
        for (int i = 0; i < spec.denseLayers().size(); i++) {
            checkDense(spec.denseLayers().get(i), "$.denseLayers[" + i + "]", found);
        }
        checkTraining(spec.training(), "$.training", found);
        return found;
    }

    /** Throws {@link InvalidSpecException} listing every violation, or returns the spec unchanged. */
    public static TrialSpec requireValid(TrialSpec spec) {
        List<SpecViolation> found = violations(spec);
        if (!found.isEmpty()) {
            throw new InvalidSpecException(found);
        }
        return spec;
    }

    private static void checkConvBlock(ConvBlock block, String path, List<SpecViolation> found) {
        requireInRange(block.filters(), 1, TrialSpecLimits.MAX_FILTERS, path + ".filters", found);
        if (block.kernelSize() != 3 && block.kernelSize() != 5) {
            found.add(new SpecViolation(path + ".kernelSize", "must be 3 or 5, found " + block.kernelSize()));
        }
        requireInRange(block.stride(), 1, 4, path + ".stride", found);
        requireFraction(block.spatialDropout(), TrialSpecLimits.MAX_DROPOUT, path + ".spatialDropout", found);
        if (block.hasShortcut() && block.padding() != PaddingMode.SAME) {
            found.add(new SpecViolation(path + ".padding", "a RESIDUAL block needs SAME padding (its shortcut and "
                    + "its two convolutions must meet at one size), found " + block.padding()));
        }
        Pooling pooling = block.pooling();
        if (pooling.isPresent()) {
            requireInRange(pooling.size(), 1, 8, path + ".pooling.size", found);
            requireInRange(pooling.stride(), 1, 8, path + ".pooling.stride", found);
        }
    }

    private static void checkDense(DenseLayerSpec dense, String path, List<SpecViolation> found) {
        requireInRange(dense.units(), 1, TrialSpecLimits.MAX_DENSE_UNITS, path + ".units", found);
        if (!(dense.dropout() >= 0.0 && dense.dropout() < 1.0)) {
            found.add(new SpecViolation(path + ".dropout", "must be in [0, 1), found " + dense.dropout()));
        }
    }

    /** A probability in [0, max], where max is below 1 (dropping or smoothing everything learns nothing). */
    private static void requireFraction(double value, double max, String path, List<SpecViolation> found) {
        if (!(value >= 0.0 && value <= max)) {
            found.add(new SpecViolation(path, "must be in [0, " + max + "], found " + value));
        }
    }

    private static void checkTraining(TrainingSettings training, String path, List<SpecViolation> found) {
        requireInRange(training.batchSize(), 1, TrialSpecLimits.MAX_BATCH_SIZE, path + ".batchSize", found);
        if (!(training.epochs() > 0 && training.epochs() <= TrialSpecLimits.MAX_EPOCHS)) {
            found.add(new SpecViolation(path + ".epochs",
                    "must be in (0, " + TrialSpecLimits.MAX_EPOCHS + "], found " + training.epochs()));
        }
        if (!(training.learningRate() > 0 && Double.isFinite(training.learningRate()))) {
            found.add(new SpecViolation(path + ".learningRate",
                    "must be a positive finite number, found " + training.learningRate()));
        }
        if (!(training.weightDecay() >= 0 && Double.isFinite(training.weightDecay()))) {
            found.add(new SpecViolation(path + ".weightDecay",
                    "must be zero or a positive finite number, found " + training.weightDecay()));
        }
        requireFraction(training.labelSmoothing(), TrialSpecLimits.MAX_LABEL_SMOOTHING, path + ".labelSmoothing",
                found);
        if (!(training.warmupEpochs() >= 0 && training.warmupEpochs() < Math.max(training.epochs(), 0))
                && training.warmupEpochs() != 0) {
            found.add(new SpecViolation(path + ".warmupEpochs", "must be at least 0 and fewer than the "
                    + training.epochs() + " epochs, found " + training.warmupEpochs()));
        }
        if (training.schedule() == LearningRateSchedule.ONE_CYCLE && training.warmupEpochs() > 0) {
            found.add(new SpecViolation(path + ".warmupEpochs",
                    "ONE_CYCLE warms up by itself (its first 30%); use 0 with it, found " + training.warmupEpochs()));
        }
    }

    private static void requireInRange(int value, int min, int max, String path, List<SpecViolation> found) {
        if (value < min || value > max) {
            found.add(new SpecViolation(path, "must be in [" + min + ", " + max + "], found " + value));
        }
    }
}
