package io.autocnn.space.spec;

/** How a conv block is wired. */
public enum BlockKind {
    /** One convolution (with its normalisation and activation). */
    PLAIN,
    /**
     * Two convolutions of the block's kernel and filters whose sum with the block's input (a shortcut) goes through
     * the activation, as in He et al.'s residual networks: the input itself when it has the block's channels and the
     * block keeps the image size, else a 1x1 convolution of the block's stride (with batch normalisation when the
     * block has it). Needs SAME padding, so the two paths meet at one size.
     */
    RESIDUAL
}
