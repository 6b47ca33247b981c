package io.autocnn.workers.dispatch;

/** What a dispatched task does with its trial. */
public enum TrialBody {
    /** Train and evaluate the network: the product's normal work. */
    TRAIN,
    /**
     * Report one epoch and finish without training: exercises the whole dispatch path (sample, submit, task,
     * live report, result) so its overhead can be measured and a cluster's set-up checked in seconds.
     */
    NO_OP
}
