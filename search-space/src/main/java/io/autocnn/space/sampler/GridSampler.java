package io.autocnn.space.sampler;

import io.autocnn.space.definition.Candidate;
import io.autocnn.space.definition.SearchSpace;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tries every point of a discrete space exactly once, in a fixed order: integer ranges value by value, choices in
 * file order, the depth of a group first and the training settings last ({@link GridWalk}). Useful to sweep a few
 * settings exhaustively, or to compare against a known optimum. A real-valued range has no grid and is refused, as
 * is a grid larger than {@link GridSettings#limit()}, with its size, when the sampler is built.
 *
 * <p>Proposal {@code i} is the {@code i}-th point whatever the history; the seed only sets each trial's training
 * seed ({@code TrialSeeds.of(seed, i)}). Points are found by replaying the walk from the previous point, so the
 * sampler keeps one point, not the grid: consecutive indices cost one walk each, going back restarts from the first.
 */
public final class GridSampler extends AbstractSampler<GridSettings> {

    public static final String NAME = "grid";

    private long size;
    private int cursorIndex = -1;
    private GridWalk.Point cursor;

    public GridSampler(SearchSpace space, long seed) {
        this(space, seed, GridSettings.defaults());
    }

    public GridSampler(SearchSpace space, long seed, GridSettings settings) {
        super(NAME, space, seed, GridSettings.class, settings);
        settingsChanged();
    }

    /** How many points the grid has: proposals beyond it are empty. */
    public synchronized long size() {
        return size;
    }

    @Override
    void settingsChanged() {
        long limit = settings().limit();
        Optional<BigInteger> points = GridSize.of(space, limit);
        if (points.isEmpty() || points.get().compareTo(BigInteger.valueOf(limit)) > 0) {
            String count = points
                    .map(p -> String.format(Locale.ROOT, "%,d points, more than the limit of %,d", p, limit))
                    .orElse(String.format(Locale.ROOT, "more than the limit of %,d points (one layer alone has more)",
                            limit));
            throw new IllegalArgumentException("grid search over '" + space.name() + "' would have " + count
                    + "; use fewer choices, shorter integer ranges or a smaller depth range");
        }
        size = points.get().longValueExact();
        cursorIndex = -1;
        cursor = null;
    }

    @Override
    public synchronized Optional<Candidate> propose(int trialIndex, List<Observation> history) {
        if (trialIndex < 0 || trialIndex >= size) {
            return Optional.empty();
        }
        if (cursor == null || trialIndex < cursorIndex) {
            cursor = GridWalk.first(space);
            cursorIndex = 0;
        }
        while (cursorIndex < trialIndex) {
            cursor = GridWalk.next(space, cursor).orElseThrow(() -> new IllegalStateException(
                    "grid of " + size + " points ended at " + cursorIndex));
            cursorIndex++;
        }
        return Optional.of(sample(trialIndex, GridWalk.replay(cursor.path())));
    }
}
