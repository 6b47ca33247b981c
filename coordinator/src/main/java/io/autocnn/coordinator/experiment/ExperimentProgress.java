package io.autocnn.coordinator.experiment;

import io.autocnn.workers.train.TrialListener;

/** What an experiment tells the terminal while it runs: each model it starts, and how each one ended. */
public interface ExperimentProgress {

    ExperimentProgress SILENT = new ExperimentProgress() {
        @Override
        public TrialListener trainingNetwork(String what) {
            return TrialListener.NONE;
        }

        @Override
        public void fittingForest(String what) {
        }

        @Override
        public void finished(String what, String result) {
        }
    };

    /** A network starts training; the listener receives its batches and epochs. */
    TrialListener trainingNetwork(String what);

    /** A random forest starts growing (no progress until it is done). */
    void fittingForest(String what);

    void finished(String what, String result);
}
