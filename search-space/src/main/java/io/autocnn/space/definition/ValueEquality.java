package io.autocnn.space.definition;

/** Parameter values come from JSON/YAML as Integer, Long, Double or String; compare numbers by value. */
final class ValueEquality {

    private ValueEquality() {
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return a.equals(b);
    }
}
