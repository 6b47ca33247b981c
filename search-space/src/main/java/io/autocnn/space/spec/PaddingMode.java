package io.autocnn.space.spec;

/** How a convolution treats the image border. */
public enum PaddingMode {
    /** Zero-pads so the output is ceil(input / stride) wide. */
    SAME,
    /** No padding: the output is (input - kernel) / stride + 1 wide. */
    VALID
}
