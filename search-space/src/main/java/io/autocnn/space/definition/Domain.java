package io.autocnn.space.definition;

import java.util.List;

/**
 * The values one parameter may take. Like Arbiter's parameter spaces, a numeric domain maps a point of the unit
 * interval to a value ({@link #fromUnit}), so samplers can work in [0, 1) without knowing the parameter.
 */
public sealed interface Domain permits Domain.Fixed, Domain.IntRange, Domain.FloatRange, Domain.Categorical {

    /** Exactly one value. */
    record Fixed(Object value) implements Domain {
    }

    /** Integers in [min, max], uniform or log-uniform. */
    record IntRange(int min, int max, boolean log) implements Domain {

        public int fromUnit(double u) {
            double value = log ? Math.exp(Math.log(min) + u * (Math.log(max + 1.0) - Math.log(min)))
                    : min + u * (max - min + 1.0);
            return (int) Math.max(min, Math.min(max, Math.floor(value)));
        }

        /** Inverse of {@link #fromUnit}: the centre of the unit sub-interval that maps to {@code value}. */
        public double toUnit(int value) {
            if (log) {
                double lo = Math.log(min);
                double span = Math.log(max + 1.0) - lo;
                return ((Math.log(value) + Math.log(value + 1.0)) / 2 - lo) / span;
            }
            return (value - min + 0.5) / (max - min + 1.0);
        }

        public int size() {
            return max - min + 1;
        }
    }

    /** Real numbers in [min, max], uniform or log-uniform. */
    record FloatRange(double min, double max, boolean log) implements Domain {

        public double fromUnit(double u) {
            double value = log ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min))) : min + u * (max - min);
            return Math.max(min, Math.min(max, value));
        }

        public double toUnit(double value) {
            if (max == min) {
                return 0.5;
            }
            return log ? (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min))
                    : (value - min) / (max - min);
        }
    }

    /** One of a list of values (numbers or names). */
    record Categorical(List<Object> choices) implements Domain {

        public Categorical {
            choices = List.copyOf(choices);
        }

        public Object fromUnit(double u) {
            return choices.get(Math.min(choices.size() - 1, (int) Math.floor(u * choices.size())));
        }
    }
}
