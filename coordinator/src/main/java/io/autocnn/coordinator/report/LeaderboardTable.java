package io.autocnn.coordinator.report;

import io.autocnn.coordinator.search.TrialSummary;

import java.util.List;
import java.util.Locale;

/** The final ranked table of a search, best first, as the terminal shows it. */
public final class LeaderboardTable {

    private static final String ROW = "%4s  %5s  %-9s  %10s  %8s  %6s  %8s  %9s  %s";

    private LeaderboardTable() {
    }

    public static String render(List<TrialSummary> ranking, int rows) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, ROW, "rank", "trial", "state",
                "val error", "params", "batch", "lr", "epochs", "architecture")).append('\n');
        int rank = 0;
        for (TrialSummary t : ranking.subList(0, Math.min(rows, ranking.size()))) {
            rank++;
            String state = t.state().name().toLowerCase(Locale.ROOT)
                    + t.failureCause().map(c -> " " + c.name().toLowerCase(Locale.ROOT)).orElse("");
            String error = t.validationError().isPresent()
                    ? Percent.of(t.validationError().getAsDouble()) : "-";
            text.append(String.format(Locale.ROOT, ROW, rank, t.index(), state, error, t.parameterCount(),
                    t.candidate().spec().training().batchSize(),
                    String.format(Locale.ROOT, "%.2g", t.candidate().spec().training().learningRate()),
                    EpochTable.epochLabel(t.epochsTrained()), t.candidate().spec().summary())).append('\n');
        }
        if (ranking.size() > rows) {
            text.append("... ").append(ranking.size() - rows).append(" more in trials.csv\n");
        }
        return text.toString();
    }
}
