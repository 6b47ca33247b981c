package io.autocnn.space.spec;

/** Activation functions a layer may use; the workers map each to its DL4J counterpart. */
public enum Activation {
    RELU,
    LEAKYRELU,
    ELU,
    TANH,
    SIGMOID
}
