package io.autocnn.space.definition;

/** Parameter values come from JSON/YAML as Integer, Long, Double or String; compare numbers by value. */
final class ValueEquality {

    private ValueEquality() {
    }

    static boolean same(Object a, Object b) {
        return key(a).equals(key(b));
    }

    /** A value to hash by: equal keys exactly when {@link #same} (numbers as their double, as Double.compare). */
    static Object key(Object value) {
        return value instanceof Number number ? Double.valueOf(number.doubleValue()) : value;
    }
}
