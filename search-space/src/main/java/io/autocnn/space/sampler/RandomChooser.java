package io.autocnn.space.sampler;

import io.autocnn.space.definition.Domain;
import io.autocnn.space.definition.ParameterChooser;

import java.util.SplittableRandom;

/**
 * Draws every parameter uniformly on its unit scale (log ranges are therefore log-uniform). The random sampler uses
 * it for whole candidates; evolution and TPE use it for the parameters they have nothing to learn from yet (their
 * first trials, a layer the parent did not have, a key with too few observations).
 */
final class RandomChooser implements ParameterChooser {

    private final SplittableRandom random;

    RandomChooser(SplittableRandom random) {
        this.random = random;
    }

    @Override
    public Object choose(String key, Domain domain) {
        return ArbiterUnitMapping.fromUnit(domain, random.nextDouble());
    }
}
