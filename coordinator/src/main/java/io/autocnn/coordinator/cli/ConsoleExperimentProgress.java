package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.experiment.ExperimentProgress;
import io.autocnn.coordinator.report.EpochTable;
import io.autocnn.workers.train.TrialListener;

import java.io.PrintWriter;

/** An experiment's progress on the terminal: a heading per model, epoch rows for networks, one result line each. */
final class ConsoleExperimentProgress implements ExperimentProgress {

    private final PrintWriter out;

    ConsoleExperimentProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public TrialListener trainingNetwork(String what) {
        out.println(what);
        out.println(EpochTable.header());
        return new TerminalProgressBar(out, System.console() != null);
    }

    @Override
    public void fittingForest(String what) {
        out.println(what + " ...");
        out.flush();
    }

    @Override
    public void finished(String what, String result) {
        out.println("=> " + what + ": " + result);
        out.println();
        out.flush();
    }
}
