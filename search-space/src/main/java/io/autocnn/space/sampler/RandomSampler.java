package io.autocnn.space.sampler;

import io.autocnn.space.definition.Candidate;
import io.autocnn.space.definition.SearchSpace;

import java.util.List;
import java.util.Optional;

/**
 * Draws every active parameter uniformly on its unit scale, independently of the history: the baseline every other
 * sampler must beat, and a strong one for few trials in a wide space. Trial {@code i} uses a {@link
 * java.util.SplittableRandom} seeded with {@code TrialSeeds.of(seed, i)}, so a proposal depends only on the seed and
 * its index: trials may be proposed in any order, in parallel, or again after a restart, and come out the same.
 * The unit-to-value mapping is Arbiter's ({@link ArbiterUnitMapping}).
 */
public final class RandomSampler extends AbstractSampler<AbstractSampler.NoSettings> {

    public static final String NAME = "random";

    public RandomSampler(SearchSpace space, long seed) {
        super(NAME, space, seed, NoSettings.class, new NoSettings());
    }

    @Override
    public Optional<Candidate> propose(int trialIndex, List<Observation> history) {
        return Optional.of(randomCandidate(trialIndex));
    }
}
