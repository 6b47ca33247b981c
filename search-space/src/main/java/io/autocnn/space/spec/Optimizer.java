package io.autocnn.space.spec;

/** Gradient-descent update rules a trial may train with. */
public enum Optimizer {
    ADAM,
    /** Plain stochastic gradient descent, no momentum. */
    SGD,
    /** SGD with Nesterov momentum 0.9. */
    NESTEROVS,
    RMSPROP,
    ADAGRAD
}
