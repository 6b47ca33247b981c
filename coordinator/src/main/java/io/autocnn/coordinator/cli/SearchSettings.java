package io.autocnn.coordinator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.space.spec.TrialSpecJson;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;

/**
 * What to search with and for how long: the options {@code search}, {@code compare} and {@code run} share, each a field
 * of the search definition with its default ({@link DefinitionDefaults}).
 */
final class SearchSettings {

    @Mixin
    AugmentationOptions augmentation = new AugmentationOptions();

    @Option(names = "--sampler", descriptionKey = "sampler",
            description = "random, grid, evolutionary or tpe. Default: ${DEFAULT-VALUE}.")
    String sampler;

    @Option(names = "--scheduler", descriptionKey = "scheduler",
            description = "fifo, asha or median. Default: ${DEFAULT-VALUE}.")
    String scheduler;

    @Option(names = "--rungs", descriptionKey = "rungs",
            description = "ASHA: rungs a factor 3 apart, the last at the full epochs (4: 1/27, 1/9, 1/3, 1). "
                    + "A trial completes only after 3^(rungs-1) trials were tried. Default: ${DEFAULT-VALUE}.")
    int rungs;

    @Option(names = "--fidelity", descriptionKey = "fidelity",
            description = "What ASHA's low rungs save besides epochs: epochs (fewer steps over all images) or data "
                    + "(as many steps over a sample of the images, the share the rung is of the full epochs, at "
                    + "least 1/27). Default: ${DEFAULT-VALUE}.")
    String fidelity;

    @Option(names = "--second-objective", descriptionKey = "secondObjective",
            description = "Minimise this too: none, params (parameters), macs (multiply-accumulates per image) or "
                    + "latency (ms per image at batch 1, measured here for each candidate after a warm-up). The "
                    + "sampler and ASHA then rank trials by Pareto rank and crowding of both, and the search prints "
                    + "their Pareto front. Default: ${DEFAULT-VALUE}.")
    String secondObjective;

    @Option(names = "--trials", descriptionKey = "budget.maxTrials", description = "New trials to start at most. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = DefinitionDefaults.BUDGET, descriptionKey = "budget.maxWallTimeSeconds", converter = DurationConverter.class,
            description = "Wall-clock budget, e.g. 90s, 10m, 2h. Default: ${DEFAULT-VALUE}.")
    Duration budget;

    @Option(names = "--max-failed", descriptionKey = "budget.maxFailedTrials",
            description = "Stop the search as failed after more failed trials than this. Default: ${DEFAULT-VALUE}.")
    int maxFailed;

    @Option(names = "--seed", descriptionKey = "seed",
            description = "Seeds sampling, trials and the validation split. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** Writes these options into a definition's JSON (its top level and its {@code budget} object). */
    @Option(names = "--seed-trial", paramLabel = "lenet5|SPEC.json",
            description = "A known network the search tries first (a warm start; repeat for several): the built-in "
                    + "lenet5, or a specification file such as an earlier search's best-spec.json.")
    List<String> seedTrials = List.of();

    void writeTo(ObjectNode root, int maxConcurrent) {
        augmentation.writeTo(root.with("dataset"));
        if (!seedTrials.isEmpty()) {
            ArrayNode seeds = root.putArray("seedTrials");
            seedTrials.forEach(seed -> seeds.add(TrialSpecJson.mapper()
                    .valueToTree(NamedSpec.read(seed, "--seed-trial"))));
        }
        root.put("sampler", sampler).put("scheduler", scheduler).put("rungs", rungs).put("fidelity", fidelity)
                .put("secondObjective", secondObjective).put("seed", seed);
        root.putObject("budget").put("maxTrials", trials).put("maxWallTimeSeconds", Math.max(1, budget.toSeconds()))
                .put("maxConcurrent", maxConcurrent).put("maxFailedTrials", maxFailed);
    }
}
