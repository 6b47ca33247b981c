package io.autocnn.space.definition;

import io.autocnn.space.spec.Activation;
import io.autocnn.space.spec.BlockKind;
import io.autocnn.space.spec.ConvBlock;
import io.autocnn.space.spec.DenseLayerSpec;
import io.autocnn.space.spec.HeadPooling;
import io.autocnn.space.spec.LearningRateSchedule;
import io.autocnn.space.spec.Normalization;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.Pooling;
import io.autocnn.space.spec.PoolingType;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated search space: how many conv blocks and dense layers a candidate has, what each of them may look like
 * (every layer samples its own values), how the feature maps reach the dense layers, the training settings, and the
 * constraints every trained network must meet. Read from a space file by {@link SpaceFile}.
 *
 * <p>Sampling is define-by-run: {@link #sample} walks the space in a fixed order and asks a {@link ParameterChooser}
 * for each parameter that is active given the choices so far (a deeper network has more parameters; a conditional
 * parameter exists only when its condition holds). Samplers differ only in the chooser.
 */
public record SearchSpace(String name, GroupSpace convBlocks, GroupSpace denseLayers, GroupSpace head,
                          GroupSpace training, Constraints constraints) {

    public SearchSpace {
        if (constraints == null) {
            constraints = Constraints.NONE;
        }
    }

    /** A space without constraints. */
    public SearchSpace(String name, GroupSpace convBlocks, GroupSpace denseLayers, GroupSpace head,
                       GroupSpace training) {
        this(name, convBlocks, denseLayers, head, training, Constraints.NONE);
    }

    public static final String CONV_DEPTH_KEY = "convBlocks.depth";
    public static final String DENSE_DEPTH_KEY = "denseLayers.depth";

    /** Builds one candidate; {@code trialSeed} becomes the trial's training seed. */
    public Candidate sample(ParameterChooser chooser, long trialSeed) {
        Map<String, Object> chosen = new LinkedHashMap<>();
        int convDepth = depth(convBlocks, CONV_DEPTH_KEY, chooser, chosen);
        List<ConvBlock> blocks = new ArrayList<>();
        for (int i = 0; i < convDepth; i++) {
            blocks.add(convBlock(convBlocks.sample("convBlocks[" + i + "].", chooser, chosen)));
        }
        int denseDepth = depth(denseLayers, DENSE_DEPTH_KEY, chooser, chosen);
        List<DenseLayerSpec> dense = new ArrayList<>();
        for (int i = 0; i < denseDepth; i++) {
            dense.add(denseLayer(denseLayers.sample("denseLayers[" + i + "].", chooser, chosen)));
        }
        HeadPooling headPooling = (HeadPooling) head.sample("head.", chooser, chosen).get("pooling");
        TrainingSettings settings = trainingSettings(training.sample("training.", chooser, chosen), trialSeed);
        return new Candidate(chosen, new TrialSpec(blocks, dense, settings, headPooling));
    }

    /**
     * A known specification (LeNet-5, an earlier search's best) as a candidate of this space: its parameters are the
     * ones the space would have chosen for it, so samplers learn from it like from any trial.
     */
    public Candidate candidateOf(TrialSpec spec) {
        return new Candidate(SpecParameters.of(this, spec), spec);
    }

    private static int depth(GroupSpace group, String key, ParameterChooser chooser, Map<String, Object> chosen) {
        Domain.IntRange range = group.depth().orElseThrow();
        if (range.min() == range.max()) {
            return range.min();
        }
        Object raw = chooser.choose(key, range);
        chosen.put(key, raw);
        return ((Number) raw).intValue();
    }

    private static ConvBlock convBlock(Map<String, Object> v) {
        PoolingType poolingType = (PoolingType) v.get("pooling");
        int poolSize = (Integer) v.get("poolSize");
        Pooling pooling = poolingType == PoolingType.NONE ? Pooling.none()
                : new Pooling(poolingType, poolSize, poolSize);
        return new ConvBlock((Integer) v.get("filters"), (Integer) v.get("kernelSize"), (Integer) v.get("stride"),
                (PaddingMode) v.get("padding"), (Activation) v.get("activation"), pooling,
                (Normalization) v.get("normalization"), (Double) v.get("spatialDropout"), (BlockKind) v.get("kind"));
    }

    /** A block's value of every conv-group field: the inverse of {@link #convBlock}. */
    static Map<String, Object> valuesOf(ConvBlock block) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("filters", block.filters());
        values.put("kernelSize", block.kernelSize());
        values.put("stride", block.stride());
        values.put("padding", block.padding());
        values.put("activation", block.activation());
        values.put("pooling", block.pooling().type());
        values.put("poolSize", block.pooling().isPresent() ? block.pooling().size()
                : Group.CONV_BLOCKS.field("poolSize").orElseThrow().defaultValue());
        values.put("normalization", block.normalization());
        values.put("spatialDropout", block.spatialDropout());
        values.put("kind", block.kind());
        return values;
    }

    /** A dense layer's value of every dense-group field: the inverse of {@link #denseLayer}. */
    static Map<String, Object> valuesOf(DenseLayerSpec dense) {
        return Map.of("units", dense.units(), "dropout", dense.dropout(), "activation", dense.activation());
    }

    /** The training group's values (the seed is the trial's own, not a parameter): the inverse of trainingSettings. */
    static Map<String, Object> valuesOf(TrainingSettings training) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("batchSize", training.batchSize());
        values.put("epochs", training.epochs());
        values.put("learningRate", training.learningRate());
        values.put("optimizer", training.optimizer());
        values.put("weightDecay", training.weightDecay());
        values.put("schedule", training.schedule());
        values.put("warmupEpochs", training.warmupEpochs());
        values.put("labelSmoothing", training.labelSmoothing());
        return values;
    }

    private static DenseLayerSpec denseLayer(Map<String, Object> v) {
        return new DenseLayerSpec((Integer) v.get("units"), (Double) v.get("dropout"), (Activation) v.get("activation"));
    }

    private static TrainingSettings trainingSettings(Map<String, Object> v, long seed) {
        return new TrainingSettings((Integer) v.get("batchSize"), (Double) v.get("epochs"),
                (Double) v.get("learningRate"), (Optimizer) v.get("optimizer"), (Double) v.get("weightDecay"), seed,
                (LearningRateSchedule) v.get("schedule"), (Double) v.get("warmupEpochs"),
                (Double) v.get("labelSmoothing"));
    }

    /** The most epochs any candidate trains for: the maximum resource a multi-fidelity scheduler may give. */
    public double maxEpochs() {
        return training.parameters().stream().filter(p -> p.name().equals("epochs")).findFirst()
                .map(p -> largest(p.domain()))
                .orElse((Double) Group.TRAINING.field("epochs").orElseThrow().defaultValue());
    }

    private static double largest(Domain domain) {
        if (domain instanceof Domain.Fixed fixed) {
            return ((Number) fixed.value()).doubleValue();
        }
        if (domain instanceof Domain.FloatRange range) {
            return range.max();
        }
        if (domain instanceof Domain.IntRange range) {
            return range.max();
        }
        return ((Domain.Categorical) domain).choices().stream().mapToDouble(x -> ((Number) x).doubleValue())
                .max().orElseThrow();
    }
}
