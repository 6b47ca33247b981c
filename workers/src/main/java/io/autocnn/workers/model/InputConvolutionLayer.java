package io.autocnn.workers.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Optional;

/**
 * A network's first convolution, trained without the gradient with respect to its input. DL4J's convolution always
 * computes that gradient (oneDNN's backward-data pass), although for the first layer it would only go to the images
 * and be thrown away; measured with oneDNN's verbose log on LeNet-5 (batch 64, one thread), it was a fifth of each
 * training step, the layer's single input channel being padded to a 16-channel block for it. Here the weight
 * gradient is itself one convolution (below) and the returned input gradient is null, as DL4J's embedding layers
 * return. Strided, dilated or asymmetrically padded layers, and NHWC data, take DL4J's own backward pass. The
 * forward pass is DL4J's, unchanged.
 */
public class InputConvolutionLayer extends ConvolutionLayer {

    public InputConvolutionLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        Optional<int[]> padding = symmetricPaddingAtStrideOne();
        if (padding.isEmpty()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer settings = layerConf();
        // The activation's gradient; the pre-activation comes from the forward pass's cache (CacheMode.DEVICE).
        INDArray preActivation = preOutput4d(true, true, workspaceMgr).getFirst();
        INDArray delta = settings.getActivationFn().backprop(preActivation, epsilon).getFirst();

        INDArray weightGrad = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        weightGrad.assign(weightGradient(delta, padding.get(), weightGrad.shape(), workspaceMgr));
        Gradient gradient = new DefaultGradient();
        if (settings.hasBias()) {
            INDArray biasGrad = gradientViews.get(ConvolutionParamInitializer.BIAS_KEY);
            biasGrad.assign(delta.sum(0, 2, 3).reshape(biasGrad.shape()));
            gradient.setGradientFor(ConvolutionParamInitializer.BIAS_KEY, biasGrad);
        }
        gradient.setGradientFor(ConvolutionParamInitializer.WEIGHT_KEY, weightGrad, 'c');
        weightNoiseParams.clear();
        return new Pair<>(gradient, null);
    }

    /**
     * dW[o, i, y, x] = sum over images n and output positions (p, q) of delta[n, o, p, q] * paddedInput[n, i, p + y,
     * q + x]: a stride-1 convolution whose batch is the input's channels, whose channels are the images and whose
     * kernel is delta. Run as oneDNN's forward convolution, it costs a third of the backward pass it replaces.
     */
    private INDArray weightGradient(INDArray delta, int[] padding, long[] weightShape, LayerWorkspaceMgr workspaceMgr) {
        INDArray channelsAsBatch = input.permute(1, 0, 2, 3);
        INDArray deltaAsKernel = delta.permute(1, 0, 2, 3);
        INDArray result = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, delta.dataType(),
                new long[] {weightShape[1], weightShape[0], weightShape[2], weightShape[3]}, 'c');
        int kernelH = (int) delta.size(2);
        int kernelW = (int) delta.size(3);
        Nd4j.exec(DynamicCustomOp.builder("conv2d")
                .addInputs(channelsAsBatch, deltaAsKernel)
                .addOutputs(result)
                // kH, kW, sH, sW, pH, pW, dH, dW, same mode off, NCHW, weights as [oC, iC, kH, kW]
                .addIntegerArguments(kernelH, kernelW, 1, 1, padding[0], padding[1], 1, 1, 0, 0, 1)
                .build());
        return result.permute(1, 0, 2, 3);
    }

    /** Whether training skips the input gradient (else it takes DL4J's backward pass). */
    boolean skipsInputGradient() {
        return symmetricPaddingAtStrideOne().isPresent();
    }

    /** The padding on each side when this layer's gradient can be the convolution above; empty otherwise. */
    private Optional<int[]> symmetricPaddingAtStrideOne() {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer settings = layerConf();
        int[] kernel = settings.getKernelSize();
        boolean plain = settings.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && Arrays.equals(settings.getStride(), new int[] {1, 1})
                && Arrays.equals(settings.getDilation(), new int[] {1, 1});
        if (!plain) {
            return Optional.empty();
        }
        if (convolutionMode == ConvolutionMode.Same) {
            // "Same" pads (k - 1) / 2 on each side only for odd kernels; even ones pad one more at the bottom right.
            return kernel[0] % 2 == 1 && kernel[1] % 2 == 1
                    ? Optional.of(new int[] {(kernel[0] - 1) / 2, (kernel[1] - 1) / 2})
                    : Optional.empty();
        }
        return Optional.of(settings.getPadding());
    }
}
