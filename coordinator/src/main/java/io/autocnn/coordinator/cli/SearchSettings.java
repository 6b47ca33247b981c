package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.search.SearchBudget;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.scheduler.Scheduler;
import io.autocnn.space.scheduler.Schedulers;
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

    /** Names the sampler and scheduler, creating both: an unknown name fails here, before any data is read. */
    String describe(SearchSpace space) {
        return "sampler " + sampler(space, seed).name() + ", scheduler " + scheduler(space).name();
    }

    Sampler sampler(SearchSpace space, long samplerSeed) {
        return Samplers.create(sampler, space, samplerSeed);
    }

    Scheduler scheduler(SearchSpace space) {
        return Schedulers.create(scheduler, space.maxEpochs(), rungs);
    }

    SearchBudget limits() {
        return new SearchBudget(trials, budget, maxFailed);
    }
}
