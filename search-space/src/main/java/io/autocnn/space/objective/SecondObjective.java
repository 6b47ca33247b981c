package io.autocnn.space.objective;

import java.util.List;
import java.util.Locale;

/** An optional second objective, minimised next to validation error; its Pareto front can be queried. */
public enum SecondObjective {
    /** Trainable parameters: smaller networks are cheaper to store and run. */
    PARAMS;

    public static SecondObjective parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown second objective '" + name + "'; choose one of "
                    + List.of(values()).stream().map(v -> v.name().toLowerCase(Locale.ROOT)).toList(), e);
        }
    }
}
