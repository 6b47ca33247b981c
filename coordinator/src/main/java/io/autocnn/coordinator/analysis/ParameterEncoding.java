package io.autocnn.coordinator.analysis;

import io.autocnn.space.definition.Domain;
import io.autocnn.space.definition.SearchedParameter;

import java.util.List;
import java.util.Map;

/**
 * A trial's sampled parameters as numbers a regression tree can split on, one column per searched parameter: a
 * range's value at its position on the range's own scale (log ranges log), a categorical value by its choice's
 * position, each plus one; a parameter the trial lacks (a shallower network, a condition that did not hold) is 0, so
 * a tree can tell "absent" from every value.
 */
final class ParameterEncoding {

    static final double ABSENT = 0;

    private ParameterEncoding() {
    }

    static double[] encode(List<SearchedParameter> searched, Map<String, Object> parameters) {
        double[] row = new double[searched.size()];
        for (int j = 0; j < row.length; j++) {
            row[j] = encode(searched.get(j), parameters.get(searched.get(j).key()));
        }
        return row;
    }

    static double encode(SearchedParameter parameter, Object value) {
        if (value == null) {
            return ABSENT;
        }
        Domain domain = parameter.domain();
        if (domain instanceof Domain.IntRange range && value instanceof Number number) {
            return 1 + range.toUnit(number.intValue());
        }
        if (domain instanceof Domain.FloatRange range && value instanceof Number number) {
            return 1 + range.toUnit(number.doubleValue());
        }
        int choice = parameter.choiceIndex(value);
        if (choice >= 0) {
            return 1 + choice;
        }
        // A value outside today's domain (a stored trial of an older space): absent rather than a wrong position.
        return ABSENT;
    }
}
