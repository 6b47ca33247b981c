package io.autocnn.space.spec;

/** How the last convolution's feature maps reach the dense layers and the classifier. */
public enum HeadPooling {
    /** Every value of every map becomes an input (the classic LeNet head). */
    FLATTEN,
    /** One average per channel: far fewer weights, and no dependence on where in the image a feature is. */
    GLOBAL_AVERAGE,
    /** One maximum per channel. */
    GLOBAL_MAX
}
