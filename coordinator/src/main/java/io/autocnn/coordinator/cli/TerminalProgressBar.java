package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.report.EpochTable;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.workers.train.TrialListener;

import java.io.PrintWriter;

/**
 * A one-line progress bar per epoch on the terminal, replaced by the epoch's table row when the epoch ends.
 * Redraws at most every 200 ms so a fast trainer is not slowed by printing.
 */
final class TerminalProgressBar implements TrialListener {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean interactive;
    private long lastDraw;

    /** @param interactive false when output goes to a file or pipe: then only the epoch rows are printed */
    TerminalProgressBar(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void onBatch(int epochNumber, int done, int total) {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) WIDTH * done / total);
        out.printf("\repoch %d [%s%s] %3d%% (%d/%d batches)", epochNumber, "#".repeat(filled),
                ".".repeat(WIDTH - filled), 100 * done / total, done, total);
        out.flush();
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        if (interactive) {
            out.print("\r\033[2K");
        }
        out.println(EpochTable.row(metrics));
        out.flush();
    }
}
