package io.autocnn.coordinator.engine;

import io.autocnn.coordinator.search.CandidateCheck;
import io.autocnn.space.definition.Constraints;
import io.autocnn.space.definition.InvalidSpaceException;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.sampler.RandomSampler;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.spec.NetworkCost;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.PreparedDataCache;
import io.autocnn.workers.train.TrainingData;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * What a search's candidates cost on its data ({@link NetworkCost}), and the space's {@link Constraints} applied to
 * them: candidates checked, an unmeetable space refused.
 */
public final class CandidateCosts {

    /** Networks sampled to check that a space's constraints can be met: a space that fails all is refused. */
    static final int FEASIBILITY_SAMPLES = 2_000;

    private CandidateCosts() {
    }

    /**
     * Refuses a space none of {@link #FEASIBILITY_SAMPLES} random networks of which meets its constraints, naming the
     * smallest network found: such a search would refuse every candidate and train nothing.
     */
    static void refuseIfUnmeetable(SearchSpace space, TrainingData data) {
        Constraints constraints = space.constraints();
        if (constraints.isEmpty()) {
            return;
        }
        Sampler random = Samplers.create(RandomSampler.NAME, space, 0);
        NetworkCost smallest = null;
        for (int i = 0; i < FEASIBILITY_SAMPLES; i++) {
            NetworkCost cost = cost(random.propose(i, List.of()).orElseThrow().spec(), data);
            if (constraints.brokenBy(cost).isEmpty()) {
                return;
            }
            if (smallest == null || cost.parameters() < smallest.parameters()) {
                smallest = cost;
            }
        }
        throw new InvalidSpaceException("the space (its constraints cannot be met on the " + data.shape()
                + " images)", List.of(new SpecViolation("$.constraints", String.format(Locale.ROOT, "none of %,d "
                + "networks sampled from the space meets them; the smallest has %,d parameters and %,d "
                + "multiply-accumulates per image", FEASIBILITY_SAMPLES, smallest.parameters(), smallest.macs()))));
    }

    /** What {@code spec} costs on {@code data}'s images and classes. */
    public static NetworkCost cost(TrialSpec spec, TrainingData data) {
        return NetworkCost.of(spec, data.shape().channels(), data.shape().height(), data.shape().width(),
                data.numClasses());
    }

    /** What a specification costs on the experiment's data (prepared before the search runs). */
    static Function<TrialSpec, NetworkCost> costs(DataRecipe recipe) {
        return spec -> cost(spec, PreparedDataCache.get(recipe));
    }

    /** A specification's value of {@code objective} on the experiment's data, on the Pareto ranking's scale. */
    static ToDoubleFunction<TrialSpec> rankingValue(SecondObjective objective, DataRecipe recipe) {
        return spec -> SecondObjective.rankingScale(objective.of(cost(spec, PreparedDataCache.get(recipe))));
    }

    /**
     * Refuses candidates that break the space's constraints, costed on the experiment's data (prepared before the
     * search runs, so the first check finds it in the cache).
     */
    static CandidateCheck of(Constraints constraints, DataRecipe recipe) {
        if (constraints.isEmpty()) {
            return CandidateCheck.NONE;
        }
        return candidate -> constraints.brokenBy(cost(candidate.spec(), PreparedDataCache.get(recipe)));
    }
}
