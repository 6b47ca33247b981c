package io.autocnn.space.sampler;

import io.autocnn.space.definition.Domain;
import io.autocnn.space.definition.ParameterChooser;
import io.autocnn.space.definition.SearchSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Tournament evolution over architectures (in the spirit of Real et al.'s regularized evolution, with the best
 * trials so far as the population instead of the most recent ones, which suits the small budgets of a CNN search).
 * The first {@link EvolutionSettings#population()} trials are random (the same as {@link RandomSampler}'s for the
 * same seed). Afterwards a parent is chosen by a tournament among the best trials, and the child copies its
 * parameters, changing each with {@link EvolutionSettings#mutationProbability()} and always at least one:
 * a numeric value takes a Gaussian step on its unit scale (so log ranges step by ratios), a choice becomes another
 * choice. Mutating a depth adds or removes layers; a layer the parent did not have is drawn at random.
 *
 * <p>Everything random is drawn from the trial's own stream ({@code TrialSeeds.of(seed, i)}) and the history is used
 * in a fixed order (best first, ties by trial index), so a proposal is a function of (seed, index, history).
 */
public final class EvolutionarySampler extends LearningSampler<EvolutionSettings> {

    public static final String NAME = "evolutionary";

    public EvolutionarySampler(SearchSpace space, long seed) {
        this(space, seed, EvolutionSettings.defaults());
    }

    public EvolutionarySampler(SearchSpace space, long seed, EvolutionSettings settings) {
        super(NAME, space, seed, EvolutionSettings.class, settings);
    }

    @Override
    int startupTrials(EvolutionSettings settings) {
        return settings.population();
    }

    /** A tournament among the best trials picks the parent; the chooser mutates it. */
    @Override
    ParameterChooser chooser(List<Observation> ranked, SplittableRandom random, EvolutionSettings settings) {
        List<Observation> population = ranked.subList(0, settings.population());
        int winner = population.size();
        for (int i = 0; i < settings.tournament(); i++) {
            winner = Math.min(winner, random.nextInt(population.size()));
        }
        return new Mutation(population.get(winner), random, settings);
    }

    /** Copies the parent's value of each key, or changes it; keys the parent lacks are drawn at random. */
    private static final class Mutation implements ParameterChooser {

        private final Map<String, Object> parent;
        private final int parentTrial;
        private final SplittableRandom random;
        private final EvolutionSettings settings;
        private final RandomChooser fresh;
        private final String forced;

        Mutation(Observation parentTrial, SplittableRandom random, EvolutionSettings settings) {
            this.parent = parentTrial.parameters();
            this.parentTrial = parentTrial.trialIndex();
            this.random = random;
            this.settings = settings;
            this.fresh = new RandomChooser(random);
            // The parent's map comes from history in no particular order: sort, so the forced key is reproducible.
            List<String> keys = new ArrayList<>(parent.keySet());
            keys.sort(null);
            this.forced = keys.isEmpty() ? "" : keys.get(random.nextInt(keys.size()));
        }

        @Override
        public OptionalInt parent() {
            return OptionalInt.of(parentTrial);
        }

        @Override
        public Object choose(String key, Domain domain) {
            Object inherited = parent.get(key);
            boolean mutate = key.equals(forced) || random.nextDouble() < settings.mutationProbability();
            if (domain instanceof Domain.Categorical categorical) {
                OptionalInt index = inherited == null ? OptionalInt.empty() : UnitScale.indexOf(categorical, inherited);
                return index.isPresent() ? choice(categorical, index.getAsInt(), mutate) : fresh.choose(key, domain);
            }
            OptionalDouble unit = inherited == null ? OptionalDouble.empty() : UnitScale.toUnit(domain, inherited);
            if (unit.isEmpty()) {
                return fresh.choose(key, domain);
            }
            if (!mutate) {
                return domain instanceof Domain.IntRange ? (Object) ((Number) inherited).intValue()
                        : (Object) ((Number) inherited).doubleValue();
            }
            return step(domain, unit.getAsDouble(), (Number) inherited);
        }

        private Object choice(Domain.Categorical domain, int index, boolean mutate) {
            int n = domain.choices().size();
            if (!mutate || n == 1) {
                return domain.choices().get(index);
            }
            int other = random.nextInt(n - 1);
            return domain.choices().get(other >= index ? other + 1 : other);
        }

        /** A Gaussian step on the unit scale, reflected at the ends; an integer always moves at least by one. */
        private Object step(Domain domain, double unit, Number inherited) {
            double delta = random.nextGaussian() * settings.mutationScale();
            double moved = unit + delta;
            moved = moved < 0 ? -moved : moved > 1 ? 2 - moved : moved;
            Object value = UnitScale.fromUnit(domain, Math.max(0, Math.min(1, moved)));
            if (domain instanceof Domain.IntRange range && range.size() > 1 && value.equals(inherited.intValue())) {
                int next = inherited.intValue() + (delta >= 0 ? 1 : -1);
                return next < range.min() || next > range.max() ? inherited.intValue() - (delta >= 0 ? 1 : -1) : next;
            }
            return value;
        }
    }
}
