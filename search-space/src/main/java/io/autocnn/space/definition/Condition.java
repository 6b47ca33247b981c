package io.autocnn.space.definition;

import java.util.List;

/**
 * Makes a parameter active only when another parameter of the same group took one of the listed values, for
 * example weight decay only when the optimizer is SGD. An inactive parameter takes its default.
 */
public record Condition(String parameter, List<Object> values) {

    public Condition {
        values = List.copyOf(values);
    }

    public boolean holds(Object actual) {
        return values.stream().anyMatch(v -> ValueEquality.same(v, actual));
    }
}
