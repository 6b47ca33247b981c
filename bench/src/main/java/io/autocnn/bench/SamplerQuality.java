package io.autocnn.bench;

import io.autocnn.space.definition.Candidate;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.GridSampler;
import io.autocnn.space.sampler.GridSettings;
import io.autocnn.space.sampler.Observation;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.sampler.Samplers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How fast each sampler finds good candidates: random, grid, evolutionary and TPE search the example spaces for
 * {@value #TRIALS} trials against {@link SurrogateError} (no training, so the whole run takes seconds), for
 * {@value #SEEDS} seeds each, and the mean over seeds of the best error so far is reported after 10, 25, 50 and 100
 * trials. Grid search runs on a copy of the space with three values per range ({@link DiscretisedSpace}); its
 * order is fixed, so its seeds differ only in the surrogate's noise.
 *
 * <p>Arguments (optional): the examples folder (default {@code examples}) and the result file (default
 * {@code bench/results/samplers.md}). Prints the table and writes it, with the date and what was run, to the file.
 */
public final class SamplerQuality {

    static final int TRIALS = 100;
    static final int SEEDS = 10;
    private static final int[] CHECKPOINTS = {10, 25, 50, 100};
    private static final int GRID_VALUES = 3;
    /** The grid sampler walks its points lazily; the limit only guards against mistakes, so it is raised here. */
    private static final long GRID_LIMIT = 1_000_000_000_000L;

    private SamplerQuality() {
    }

    public static void main(String[] args) throws IOException {
        Path examples = Path.of(args.length > 0 ? args[0] : "examples");
        Path result = Path.of(args.length > 1 ? args[1] : "bench/results/samplers.md");
        StringBuilder table = new StringBuilder("| space | sampler |");
        for (int checkpoint : CHECKPOINTS) {
            table.append(" best after ").append(checkpoint).append(" |");
        }
        table.append(" ms/proposal |\n|---|---|").append("---|".repeat(CHECKPOINTS.length + 1)).append('\n');
        for (String file : List.of("lenet-space.yaml", "wide-space.yaml")) {
            SearchSpace space = SpaceFile.read(examples.resolve(file));
            for (String name : Samplers.NAMES) {
                table.append("| ").append(file).append(" | ").append(row(space, name)).append('\n');
            }
        }
        String report = "# Sampler quality on a surrogate objective\n\n"
                + "Run " + LocalDate.now() + ": `java -cp \"$(cat bench/target/classpath.txt):"
                + "bench/target/autocnn-bench.jar\" io.autocnn.bench.SamplerQuality` (see bench/README.md).\n\n"
                + "Each cell is the best surrogate validation error found so far, mean over seeds 0-" + (SEEDS - 1)
                + " (standard deviation over seeds in brackets); lower is better. Objective: `SurrogateError`, a "
                + "hand-written stand-in for Fashion-MNIST validation error (per-optimizer learning-rate optimum, "
                + "about three conv blocks of growing width, pooling, dense width and dropout, batch size, weight "
                + "decay; a candidate whose feature map vanishes or whose learning rate diverges scores 0.9; noise "
                + "sd 0.003 from the trial seed). Every sampler runs with its defaults (evolution: population 10, "
                + "tournament 3; TPE: 10 random startup trials, 24 candidates); trials are sequential, each result "
                + "fed back before the next proposal. Grid: the space with " + GRID_VALUES + " values per range, in "
                + "the grid's fixed order (the depth first, training settings fastest), limit raised to "
                + String.format(Locale.ROOT, "%,d", GRID_LIMIT) + ". ms/proposal is the sampler's own time on this "
                + "machine (2 shared cores), for scale only.\n\n" + table;
        System.out.print(table);
        ResultsFile.write(result, report);
        System.out.println("written to " + result);
    }

    /** The sampler's cells: its name (and grid size), mean (sd) at each checkpoint, the time per proposal. */
    private static String row(SearchSpace space, String name) {
        double[][] best = new double[CHECKPOINTS.length][SEEDS];
        long nanos = 0;
        int proposals = 0;
        long gridPoints = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Sampler sampler;
            try {
                sampler = name.equals(GridSampler.NAME)
                        ? new GridSampler(DiscretisedSpace.of(space, GRID_VALUES), seed, new GridSettings(GRID_LIMIT))
                        : Samplers.create(name, space, seed);
            } catch (IllegalArgumentException refused) {
                return name + " | n/a: " + refused.getMessage().replace("|", "/") + " |".repeat(CHECKPOINTS.length + 1);
            }
            if (sampler instanceof GridSampler grid) {
                gridPoints = grid.size();
            }
            List<Observation> history = new ArrayList<>();
            double bestSoFar = Double.POSITIVE_INFINITY;
            for (int i = 0; i < TRIALS; i++) {
                long start = System.nanoTime();
                Optional<Candidate> candidate = sampler.propose(i, history);
                nanos += System.nanoTime() - start;
                proposals++;
                if (candidate.isPresent()) {
                    double error = SurrogateError.of(candidate.get().spec());
                    history.add(new Observation(i, candidate.get().parameters(), error));
                    bestSoFar = Math.min(bestSoFar, error);
                }
                for (int c = 0; c < CHECKPOINTS.length; c++) {
                    if (CHECKPOINTS[c] == i + 1) {
                        best[c][seed] = bestSoFar;
                    }
                }
            }
        }
        StringBuilder cells = new StringBuilder(name);
        if (gridPoints > 0) {
            cells.append(String.format(Locale.ROOT, " (%,d points)", gridPoints));
        }
        cells.append(" | ");
        for (double[] values : best) {
            double mean = Arrays.stream(values).average().orElseThrow();
            double sd = Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum()
                    / (values.length - 1));
            cells.append(String.format(Locale.ROOT, "%.4f (%.4f) | ", mean, sd));
        }
        return cells.append(String.format(Locale.ROOT, "%.2f |", nanos / 1e6 / proposals)).toString();
    }
}
