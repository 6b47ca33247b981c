package io.autocnn.space.trial;

/** Why a trial failed. */
public enum FailureCause {
    /** The trial's own code threw: a bad specification, out of memory, a library error. */
    EXCEPTION,
    /** The training loss became NaN or infinite (typically a learning rate far too large). */
    NAN,
    /** The trial's wall-clock budget ran out; the metrics and model up to that point are kept. */
    TIMEOUT,
    /** Refused before training: by its memory estimate the trial needs more memory than the worker has free. */
    TOO_LARGE,
    /** Never trained: the network breaks one of the space's declared constraints (parameters, MACs). */
    CONSTRAINT,
    /** The machine running it was lost; such a trial is retried as a new attempt. */
    INFRASTRUCTURE
}
