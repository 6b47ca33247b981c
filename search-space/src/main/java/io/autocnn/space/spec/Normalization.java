package io.autocnn.space.spec;

/** What normalises a convolution's output before its activation. */
public enum Normalization {
    NONE,
    /** Batch normalisation: per channel over the minibatch in training, running averages when evaluating. */
    BATCH
}
