package io.autocnn.space.definition;

/**
 * A field of a group that a space file may search: its kind, the value it takes when the file does not mention it
 * (or its condition does not hold), and the bounds every value must respect so absurd spaces are refused.
 */
public record Field(String name, FieldKind kind, Object defaultValue, double lowest, double highest) {

    public static Field integer(String name, int defaultValue, int lowest, int highest) {
        return new Field(name, new FieldKind.IntKind(), defaultValue, lowest, highest);
    }

    public static Field real(String name, double defaultValue, double lowest, double highest) {
        return new Field(name, new FieldKind.FloatKind(), defaultValue, lowest, highest);
    }

    public static <E extends Enum<E>> Field choice(String name, E defaultValue) {
        return new Field(name, new FieldKind.EnumKind(defaultValue.getDeclaringClass()), defaultValue, 0, 0);
    }

    public boolean isNumeric() {
        return !(kind instanceof FieldKind.EnumKind);
    }
}
