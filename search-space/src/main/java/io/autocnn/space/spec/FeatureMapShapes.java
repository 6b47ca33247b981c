package io.autocnn.space.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows the feature map through the convolution blocks, so a specification that cannot work on images of a given
 * size is refused before DL4J sees it, with the offending layer named.
 */
public final class FeatureMapShapes {

    private FeatureMapShapes() {
    }

    /** Every layer whose output would be smaller than 1x1, or whose window does not fit its input. */
    public static List<SpecViolation> violations(TrialSpec spec, int inputHeight, int inputWidth) {
        List<SpecViolation> found = new ArrayList<>();
        int height = inputHeight;
        int width = inputWidth;
        for (int i = 0; i < spec.convBlocks().size(); i++) {
            ConvBlock block = spec.convBlocks().get(i);
            String path = "$.convBlocks[" + i + "]";
            if (block.padding() == PaddingMode.VALID && (height < block.kernelSize() || width < block.kernelSize())) {
                found.add(new SpecViolation(path, "convolution " + (i + 1) + " (" + block.kernelSize() + "x"
                        + block.kernelSize() + ", no padding) receives a " + height + "x" + width
                        + " feature map: the kernel does not fit, the output would be below 1x1"));
                return found;
            }
            height = convolved(height, block);
            width = convolved(width, block);
            Pooling pooling = block.pooling();
            if (pooling.isPresent()) {
                if (height < pooling.size() || width < pooling.size()) {
                    found.add(new SpecViolation(path + ".pooling", "pooling after convolution " + (i + 1) + " ("
                            + pooling.size() + "x" + pooling.size() + ") receives a " + height + "x" + width
                            + " feature map: the output would be below 1x1"));
                    return found;
                }
                height = pooled(height, pooling);
                width = pooled(width, pooling);
            }
        }
        return found;
    }

    /** A side of the feature map after {@code block}'s convolution (its pooling aside). */
    static int convolved(int size, ConvBlock block) {
        if (block.padding() == PaddingMode.SAME) {
            return (size + block.stride() - 1) / block.stride();
        }
        return (size - block.kernelSize()) / block.stride() + 1;
    }

    /** A side of the feature map after {@code pooling}. */
    static int pooled(int size, Pooling pooling) {
        return (size - pooling.size()) / pooling.stride() + 1;
    }
}
