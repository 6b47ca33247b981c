package io.autocnn.coordinator.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/** What to search with and for how long: the options {@code search} and {@code run} share. */
final class SearchSettings {

    @Option(names = "--sampler", defaultValue = "tpe",
            description = "random, grid, evolutionary or tpe. Default: ${DEFAULT-VALUE}.")
    String sampler;

    @Option(names = "--scheduler", defaultValue = "asha",
            description = "fifo, asha or median. Default: ${DEFAULT-VALUE}.")
    String scheduler;

    @Option(names = "--rungs", defaultValue = "4",
            description = "ASHA: rungs a factor 3 apart, the last at the full epochs (4: 1/27, 1/9, 1/3, 1). "
                    + "A trial completes only after 3^(rungs-1) trials were tried. Default: ${DEFAULT-VALUE}.")
    int rungs;

    @Option(names = "--trials", defaultValue = "100", description = "New trials to start at most. Default: ${DEFAULT-VALUE}.")
    int trials;

    @Option(names = "--budget", defaultValue = "10m", converter = DurationConverter.class,
            description = "Wall-clock budget, e.g. 90s, 10m, 2h. Default: ${DEFAULT-VALUE}.")
    Duration budget;

    @Option(names = "--max-failed", defaultValue = "10",
            description = "Stop the search as failed after more failed trials than this. Default: ${DEFAULT-VALUE}.")
    int maxFailed;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds sampling, trials and the validation split.")
    long seed;
}
