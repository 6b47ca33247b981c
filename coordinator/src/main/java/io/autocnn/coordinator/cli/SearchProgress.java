package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.report.Percent;
import io.autocnn.coordinator.search.LeadingTrial;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.trial.TrialState;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A search's progress on the terminal: one redrawn line (trials by state, time used, and the trial the search would
 * choose now, see {@link LeadingTrial}); in a pipe or file, one line per trial that ends instead.
 */
final class SearchProgress implements SearchListener {

    private static final int WIDTH = 24;

    private final PrintWriter out;
    private final boolean interactive;
    private final int maxTrials;
    private final long budgetNanos;
    private final long start = System.nanoTime();
    private final Map<Integer, TrialSummary> latest = new HashMap<>();
    private final LeadingTrial best = new LeadingTrial();

    SearchProgress(PrintWriter out, boolean interactive, int maxTrials, long budgetNanos) {
        this.out = out;
        this.interactive = interactive;
        this.maxTrials = maxTrials;
        this.budgetNanos = budgetNanos;
    }

    @Override
    public synchronized void onTrialChanged(TrialSummary trial) {
        latest.put(trial.index(), trial);
        trial.validationError().ifPresent(objective -> best.update(trial.index(), objective));
        if (interactive) {
            out.print("\r\033[2K" + line());
            out.flush();
        } else if (trial.refusedByConstraints()) {
            out.printf(Locale.ROOT, "trial %d refused by the space's constraints, never trained   | %s%n",
                    trial.index(), line());
        } else if (trial.state().isFinal() || trial.state() == TrialState.PAUSED) {
            out.printf(Locale.ROOT, "trial %d %s at %s epochs%s   | %s%n", trial.index(),
                    trial.state().name().toLowerCase(Locale.ROOT), trial.epochsTrained(),
                    trial.validationError().isPresent() ? ", val error " + Percent.of(trial.validationError().getAsDouble())
                            : "", line());
        }
    }

    /** Call once the search is over, so the next output starts on a fresh line. */
    synchronized void finish() {
        if (interactive) {
            out.println();
        }
    }

    private String line() {
        Map<TrialState, Integer> counts = new HashMap<>();
        latest.values().forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        // Refused candidates are stored failed but cost nothing and broke nothing: counted apart, so a user does not
        // read them as trials that crashed.
        int refused = (int) latest.values().stream().filter(TrialSummary::refusedByConstraints).count();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double share = Math.min(1.0, Math.max((double) latest.size() / maxTrials, elapsed * 1e9 / budgetNanos));
        int filled = (int) Math.round(share * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %d/%d trials: %d running, %d paused, %d completed, %d pruned, "
                        + "%d failed, %d refused | %s / %s | best %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                latest.size(), maxTrials, counts.getOrDefault(TrialState.RUNNING, 0),
                counts.getOrDefault(TrialState.PAUSED, 0), counts.getOrDefault(TrialState.COMPLETED, 0),
                counts.getOrDefault(TrialState.PRUNED, 0), counts.getOrDefault(TrialState.FAILED, 0) - refused, refused,
                DurationConverter.format(elapsed), DurationConverter.format(budgetNanos / 1e9),
                best.leader().map(leader -> Percent.of(leader.objective()) + " (trial " + leader.trial() + ")")
                        .orElse("-"));
    }
}
