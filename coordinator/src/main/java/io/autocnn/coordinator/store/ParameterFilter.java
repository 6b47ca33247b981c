package io.autocnn.coordinator.store;

import java.util.List;

/**
 * Keeps the trials whose sampled parameter {@code key} (a key of the trial's parameters, e.g.
 * {@code convBlocks[0].filters}) lies in a range or is one of some values. A trial without that parameter (a
 * shallower network, a condition that did not hold) never passes. The service checks keys and values against the
 * experiment's space; here they are only ever bound SQL values.
 */
public sealed interface ParameterFilter permits ParameterFilter.Range, ParameterFilter.OneOf {

    String key();

    /** The parameter's value is in [min, max]. */
    record Range(String key, double min, double max) implements ParameterFilter {
        public Range {
            if (!(min <= max)) {
                throw new IllegalArgumentException("an empty range for " + key + ": " + min + ".." + max);
            }
        }
    }

    /** The parameter's value is one of {@code values} (numbers as numbers, names as strings, as they are stored). */
    record OneOf(String key, List<Object> values) implements ParameterFilter {
        public OneOf {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("no values for " + key);
            }
        }
    }
}
