package io.autocnn.space.spec;

/** The kind of pooling after a convolution block; NONE means the block has no pooling layer. */
public enum PoolingType {
    NONE,
    MAX,
    AVG
}
