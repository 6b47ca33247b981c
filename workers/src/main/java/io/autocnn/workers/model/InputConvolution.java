package io.autocnn.workers.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * The configuration of a network's first convolution: a {@link ConvolutionLayer} whose layer
 * ({@link InputConvolutionLayer}) skips the gradient with respect to its input, which only the network's input would
 * receive and nothing uses. Saved networks name this class, so it must stay where it is.
 */
public class InputConvolution extends ConvolutionLayer {

    /** For Jackson, which rebuilds saved configurations through the setters. */
    public InputConvolution() {
    }

    private InputConvolution(Builder builder) {
        super(builder);
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int layerIndex,
                             INDArray layerParamsView, boolean initializeParams, DataType networkDataType) {
        InputConvolutionLayer layer = new InputConvolutionLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        layer.setParamTable(initializer().init(conf, layerParamsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    /** DL4J's convolution builder, building this class. */
    public static final class Builder extends ConvolutionLayer.Builder {

        public Builder(int... kernelSize) {
            super(kernelSize);
        }

        @Override
        public InputConvolution build() {
            super.build(); // DL4J's own checks of kernel, stride, padding and mode
            return new InputConvolution(this);
        }
    }
}
