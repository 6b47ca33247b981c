package io.autocnn.space.definition;

import java.util.OptionalInt;

/**
 * Picks the value of one parameter while a candidate is being built. Samplers implement it: random draws, grid
 * enumerates, evolution mutates a parent, TPE models the history of the same key. Keys name the position in the
 * candidate, for example {@code convBlocks.depth}, {@code convBlocks[1].kernelSize}, {@code training.learningRate},
 * so a parameter that only exists in deeper networks has its own key.
 */
@FunctionalInterface
public interface ParameterChooser {

    /** A value of {@code domain} (for ranges, within [min, max]; for categoricals, one of the choices). */
    Object choose(String key, Domain domain);

    /** The trial the candidate being built derives from (evolution's parent), if any. */
    default OptionalInt parent() {
        return OptionalInt.empty();
    }
}
