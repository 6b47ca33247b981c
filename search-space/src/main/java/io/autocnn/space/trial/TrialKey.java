package io.autocnn.space.trial;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which trial of which experiment: trial indexes restart at 0 in every experiment, so nothing that outlives one
 * experiment (the dispatcher's runs, Spark job groups, live reports, checkpoints) may be keyed by the index alone.
 *
 * @param experimentId the experiment's id (the store's, or the one a command-line search made for itself)
 * @param trialIndex   the trial's index within that experiment, from 0
 */
public record TrialKey(String experimentId, int trialIndex) implements Serializable {

    /** Experiment ids become parts of file and job-group names: letters, digits, '-' and '_' only. */
    private static final Pattern EXPERIMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public TrialKey {
        Objects.requireNonNull(experimentId, "experimentId");
        if (!EXPERIMENT_ID.matcher(experimentId).matches()) {
            throw new IllegalArgumentException("an experiment id is 1 to 64 letters, digits, '-' or '_', got '"
                    + experimentId + "'");
        }
        if (trialIndex < 0) {
            throw new IllegalArgumentException("trial indexes start at 0, got " + trialIndex);
        }
    }

    /** For messages and thread, job and file names: "exp-abc/trial-3". */
    @Override
    public String toString() {
        return experimentId + "/trial-" + trialIndex;
    }
}
