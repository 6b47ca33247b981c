package io.autocnn.space.sampler;

import io.autocnn.space.definition.SearchSpace;

import java.util.List;

/** Builds a sampler by the name a user gives on the command line or in an experiment request. */
public final class Samplers {

    /** Every valid name, in the order help texts list them. */
    public static final List<String> NAMES = List.of(RandomSampler.NAME, GridSampler.NAME, EvolutionarySampler.NAME,
            TpeSampler.NAME);

    private Samplers() {
    }

    /**
     * A sampler with default settings; IllegalArgumentException for an unknown name or a space grid cannot take.
     * To continue a saved experiment, create the sampler named in its state and {@link Sampler#restoreState} it.
     */
    public static Sampler create(String name, SearchSpace space, long seed) {
        return switch (name == null ? "" : name) {
            case RandomSampler.NAME -> new RandomSampler(space, seed);
            case GridSampler.NAME -> new GridSampler(space, seed);
            case EvolutionarySampler.NAME -> new EvolutionarySampler(space, seed);
            case TpeSampler.NAME -> new TpeSampler(space, seed);
            default -> throw new IllegalArgumentException("unknown sampler '" + name + "': valid names are "
                    + String.join(", ", NAMES));
        };
    }
}
