package io.autocnn.workers.dispatch;

/** What a dispatched task does with its trial. */
public enum TrialBody {
    /** Train and evaluate the network: the product's normal work. */
    TRAIN,
    /**
     * Report one epoch and finish without training: exercises the whole dispatch path (sample, submit, task,
     * live report, result) so a cluster's set-up is checked in seconds ({@code autocnn search --dry-run}) and the
     * dispatch overhead can be measured (bench/DispatchOverhead).
     */
    NO_OP
}
