package io.autocnn.space.sampler;

import io.autocnn.space.definition.Domain;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Where a value observed in the history sits in its domain: numeric values on the unit scale of {@link Domain}
 * ({@code toUnit}, so log ranges are modelled in log space), choices by position. Evolution steps and TPE's Parzen
 * estimators work on these coordinates. History may come back from storage with other Java types (a Long for an
 * Integer, a name for an enum constant), so matching is by number value or by name; a value the domain does not hold
 * (the space file changed) is reported as absent and the sampler treats the key as unseen.
 */
final class UnitScale {

    private UnitScale() {
    }

    static boolean isNumeric(Domain domain) {
        return domain instanceof Domain.IntRange || domain instanceof Domain.FloatRange;
    }

    /** The unit coordinate of a numeric value, or empty when it is not a number within the range. */
    static OptionalDouble toUnit(Domain domain, Object value) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            return OptionalDouble.empty();
        }
        double x = number.doubleValue();
        if (domain instanceof Domain.IntRange range && x == Math.rint(x) && x >= range.min() && x <= range.max()) {
            return OptionalDouble.of(range.toUnit((int) x));
        }
        if (domain instanceof Domain.FloatRange range && x >= range.min() && x <= range.max()) {
            return OptionalDouble.of(range.toUnit(x));
        }
        return OptionalDouble.empty();
    }

    /** The value at a unit coordinate, as the type the domain's field takes (Integer, Double or a choice). */
    static Object fromUnit(Domain domain, double unit) {
        if (domain instanceof Domain.IntRange range) {
            return range.fromUnit(unit);
        }
        if (domain instanceof Domain.FloatRange range) {
            return range.fromUnit(unit);
        }
        return ((Domain.Categorical) domain).fromUnit(unit);
    }

    /** The position of {@code value} among the choices, or empty when it is not one of them. */
    static OptionalInt indexOf(Domain.Categorical domain, Object value) {
        List<Object> choices = domain.choices();
        for (int i = 0; i < choices.size(); i++) {
            if (sameChoice(choices.get(i), value)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    private static boolean sameChoice(Object choice, Object value) {
        if (choice instanceof Number a && value instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        if (choice instanceof Enum<?> constant && value instanceof String name) {
            return constant.name().equals(name);
        }
        return choice.equals(value);
    }
}
