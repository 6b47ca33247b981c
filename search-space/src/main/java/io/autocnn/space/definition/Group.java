package io.autocnn.space.definition;

import io.autocnn.space.spec.Activation;
import io.autocnn.space.spec.BlockKind;
import io.autocnn.space.spec.HeadPooling;
import io.autocnn.space.spec.LearningRateSchedule;
import io.autocnn.space.spec.Normalization;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.PoolingType;
import io.autocnn.space.spec.TrialSpecLimits;

import java.util.List;
import java.util.Optional;

/**
 * The four groups of a space file and the fields each may search. The bounds are the ones
 * {@link TrialSpecLimits} enforces on a single trial, so every sampled value is one a trial accepts.
 */
public enum Group {

    CONV_BLOCKS("convBlocks", List.of(
            Field.integer("filters", 16, 1, TrialSpecLimits.MAX_FILTERS),
            Field.integer("kernelSize", 3, 3, 5),
            Field.integer("stride", 1, 1, 4),
            Field.choice("padding", PaddingMode.SAME),
            Field.choice("activation", Activation.RELU),
            Field.choice("pooling", PoolingType.NONE),
            Field.integer("poolSize", 2, 1, 8),
            Field.choice("normalization", Normalization.NONE),
            Field.real("spatialDropout", 0.0, 0.0, TrialSpecLimits.MAX_DROPOUT),
            Field.choice("kind", BlockKind.PLAIN)),
            TrialSpecLimits.MAX_CONV_BLOCKS),

    DENSE_LAYERS("denseLayers", List.of(
            Field.integer("units", 64, 1, TrialSpecLimits.MAX_DENSE_UNITS),
            Field.real("dropout", 0.0, 0.0, 0.95),
            Field.choice("activation", Activation.RELU)),
            TrialSpecLimits.MAX_DENSE_LAYERS),

    HEAD("head", List.of(
            Field.choice("pooling", HeadPooling.FLATTEN)),
            0),

    TRAINING("training", List.of(
            Field.integer("batchSize", 64, 1, TrialSpecLimits.MAX_BATCH_SIZE),
            Field.real("epochs", 1.0, 0.01, TrialSpecLimits.MAX_EPOCHS),
            Field.real("learningRate", 1e-3, 1e-7, 10.0),
            Field.choice("optimizer", Optimizer.ADAM),
            Field.real("weightDecay", 0.0, 0.0, 1.0),
            Field.choice("schedule", LearningRateSchedule.CONSTANT),
            Field.real("warmupEpochs", 0.0, 0.0, TrialSpecLimits.MAX_EPOCHS),
            Field.real("labelSmoothing", 0.0, 0.0, TrialSpecLimits.MAX_LABEL_SMOOTHING)),
            0);

    /** Name of the repeated-layer count inside the conv and dense groups. */
    public static final String DEPTH = "depth";

    private final String key;
    private final List<Field> fields;
    private final int maxDepth;

    Group(String key, List<Field> fields, int maxDepth) {
        this.key = key;
        this.fields = fields;
        this.maxDepth = maxDepth;
    }

    /** The group's name in the space file. */
    public String key() {
        return key;
    }

    public List<Field> fields() {
        return fields;
    }

    /** Largest allowed depth for repeated groups; 0 for the head and training groups, which are not repeated. */
    public int maxDepth() {
        return maxDepth;
    }

    public boolean isRepeated() {
        return maxDepth > 0;
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> fieldNames() {
        return fields.stream().map(Field::name).toList();
    }
}
