package io.autocnn.space.spec;

import java.util.List;

/**
 * One candidate network and how to train it: the unit a sampler produces and a worker trains.
 * Convolution blocks run in order, then the dense layers, then a softmax output sized by the dataset.
 *
 * @param convBlocks  convolution blocks, input side first
 * @param denseLayers hidden fully connected layers after the convolutions
 * @param training    training settings
 * @param headPooling how the last feature maps reach the dense layers; optional in JSON (FLATTEN)
 */
public record TrialSpec(List<ConvBlock> convBlocks, List<DenseLayerSpec> denseLayers, TrainingSettings training,
                        @OptionalInJson HeadPooling headPooling) {

    public TrialSpec {
        if (headPooling == null) {
            headPooling = HeadPooling.FLATTEN;
        }
        convBlocks = convBlocks == null ? List.of() : List.copyOf(convBlocks);
        denseLayers = denseLayers == null ? List.of() : List.copyOf(denseLayers);
        if (training == null) {
            throw new IllegalArgumentException("training settings are required");
        }
    }

    /** Flattened feature maps. */
    public TrialSpec(List<ConvBlock> convBlocks, List<DenseLayerSpec> denseLayers, TrainingSettings training) {
        this(convBlocks, denseLayers, training, HeadPooling.FLATTEN);
    }

    public TrialSpec withTraining(TrainingSettings newTraining) {
        return new TrialSpec(convBlocks, denseLayers, newTraining, headPooling);
    }

    public TrialSpec withHeadPooling(HeadPooling newHeadPooling) {
        return new TrialSpec(convBlocks, denseLayers, training, newHeadPooling);
    }

    /** A short human-readable architecture, for example {@code conv5x5·6 → pool → conv5x5·16 → dense 84}. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (ConvBlock block : convBlocks) {
            append(text, (block.hasShortcut() ? "res" : "conv") + block.kernelSize() + "x" + block.kernelSize() + "·"
                    + block.filters() + (block.normalization() == Normalization.BATCH ? " bn" : ""));
            if (block.pooling().isPresent()) {
                append(text, block.pooling().type() == PoolingType.MAX ? "pool" : "avgpool");
            }
            if (block.spatialDropout() > 0) {
                append(text, String.format(java.util.Locale.ROOT, "spatial dropout %.2f", block.spatialDropout()));
            }
        }
        if (headPooling != HeadPooling.FLATTEN && !convBlocks.isEmpty()) {
            append(text, headPooling == HeadPooling.GLOBAL_AVERAGE ? "global avg" : "global max");
        }
        for (DenseLayerSpec dense : denseLayers) {
            append(text, "dense " + dense.units() + (dense.dropout() > 0
                    ? String.format(java.util.Locale.ROOT, " (dropout %.2f)", dense.dropout()) : ""));
        }
        return text.length() == 0 ? "(output only)" : text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (text.length() > 0) {
            text.append(" → ");
        }
        text.append(part);
    }
}
