package io.autocnn.coordinator.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.coordinator.search.Fidelity;
import io.autocnn.coordinator.search.SearchBudget;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.sampler.SeededSampler;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.scheduler.Scheduler;
import io.autocnn.space.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One search, whichever command or request asked for it: the space, the data, the sampler and scheduler, the budgets
 * and the seed, every default filled in and every value checked by {@link SearchDefinitionParser}. The service stores
 * it as JSON ({@link SearchDefinitionJson}); the command line builds the same JSON from its flags. Everything a search
 * is assembled from comes from here.
 *
 * @param space              the space as the JSON it was given in (checked by {@code SpaceFile})
 * @param fidelity           what a scheduler's low rungs save besides epochs
 * @param secondObjective    minimised next to validation error by the sampler and ASHA, when present
 * @param maxWallTimeSeconds the search's wall-clock budget
 * @param maxConcurrent      trials trained at the same time
 * @param maxFailedTrials    the search fails after more failed trials than this
 * @param seedTrials         known specifications the search tries first (a warm start), in order
 * @param finalTrainingShare of the wall-clock budget, what the best trial trains on for once the search has ended
 *                           (0: none); the search has the rest
 */
public record SearchDefinition(String name, JsonNode space, DatasetDefinition dataset, String sampler,
                               String scheduler, int rungs, Fidelity fidelity,
                               Optional<SecondObjective> secondObjective, int maxTrials, long maxWallTimeSeconds, int maxConcurrent,
                               int maxFailedTrials, long seed, List<TrialSpec> seedTrials,
                               double finalTrainingShare) {

    /** Beyond this many, seed trials would be a grid, not a warm start. */
    public static final int MAX_SEED_TRIALS = 100;

    public SearchDefinition {
        seedTrials = List.copyOf(seedTrials);
    }

    /**
     * This search with the budget of {@code other} (trials, wall-clock time, failures allowed): an experiment
     * continued with a larger budget. Refused naming the field when {@code other} changes anything else that decides
     * which trials the search runs.
     */
    public SearchDefinition withBudgetOf(SearchDefinition other) {
        List<String> changed = new ArrayList<>();
        if (!dataset.equals(other.dataset)) {
            changed.add("dataset");
        }
        for (String[] field : new String[][] {{"sampler", sampler, other.sampler},
                {"scheduler", scheduler, other.scheduler}, {"rungs", "" + rungs, "" + other.rungs},
                {"fidelity", fidelity.id(), other.fidelity.id()},
                {"secondObjective", "" + secondObjective, "" + other.secondObjective},
                {"seed", "" + seed, "" + other.seed},
                {"seedTrials", seedTrials.toString(), other.seedTrials.toString()}}) {
            if (!field[1].equals(field[2])) {
                changed.add(field[0]);
            }
        }
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException("only the budget of a stored search can change; this definition also "
                    + "changes " + String.join(", ", changed));
        }
        return new SearchDefinition(name, space, dataset, sampler, scheduler, rungs, fidelity, secondObjective, other.maxTrials,
                other.maxWallTimeSeconds, maxConcurrent, other.maxFailedTrials, seed, seedTrials,
                other.finalTrainingShare);
    }

    /** The same search with another wall-clock budget (a comparison that keeps part of it for final training). */
    public SearchDefinition withMaxWallTimeSeconds(long seconds) {
        return new SearchDefinition(name, space, dataset, sampler, scheduler, rungs, fidelity, secondObjective, maxTrials, seconds,
                maxConcurrent, maxFailedTrials, seed, seedTrials, finalTrainingShare);
    }

    /** The same search with its best trial trained on for {@code share} of the budget once it has ended. */
    public SearchDefinition withFinalTrainingShare(double share) {
        return new SearchDefinition(name, space, dataset, sampler, scheduler, rungs, fidelity, secondObjective,
                maxTrials, maxWallTimeSeconds, maxConcurrent, maxFailedTrials, seed, seedTrials, share);
    }

    /** The parsed space (the definition was validated, so it parses). */
    public SearchSpace parsedSpace() {
        return SpaceFile.parse(space.toString(), "space.json", false);
    }

    /**
     * The sampler, its proposals seeded with {@code samplerSeed} (the definition's seed, or a repetition's); the seed
     * trials come first.
     */
    public Sampler sampler(SearchSpace parsed, long samplerSeed) {
        Sampler proposals = Samplers.create(sampler, parsed, samplerSeed);
        return seedTrials.isEmpty() ? proposals
                : new SeededSampler(proposals, seedTrials.stream().map(parsed::candidateOf).toList());
    }

    public Scheduler scheduler(SearchSpace parsed) {
        return Schedulers.create(scheduler, parsed.maxEpochs(), rungs);
    }

    /** The search's own budget: the wall-clock budget less its final training's share. */
    public SearchBudget budget() {
        return new SearchBudget(maxTrials, searchTime(), maxFailedTrials);
    }

    /** What the search has of the wall-clock budget. */
    public Duration searchTime() {
        return Duration.ofSeconds(maxWallTimeSeconds).minus(finalTrainingTime());
    }

    /** What the best trial's final training has of the wall-clock budget (zero: none). */
    public Duration finalTrainingTime() {
        return finalTrainingPart(Duration.ofSeconds(maxWallTimeSeconds), finalTrainingShare);
    }

    /** Of {@code budget}, what a final training of {@code share} takes: the one rule, for compare's too. */
    public static Duration finalTrainingPart(Duration budget, double share) {
        return budget.minus(Duration.ofMillis(Math.round(budget.toMillis() * (1 - share))));
    }
}
