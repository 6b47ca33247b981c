package io.autocnn.space.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The type of a searchable field, and how a value read from a space file becomes a value of that type. */
public sealed interface FieldKind permits FieldKind.IntKind, FieldKind.FloatKind, FieldKind.EnumKind {

    /** The value as this kind's Java type, or empty when it does not fit (wrong type, not integral, unknown name). */
    Optional<Object> coerce(Object raw);

    /** For error messages: what a value of this kind looks like. */
    String describe();

    record IntKind() implements FieldKind {
        @Override
        public Optional<Object> coerce(Object raw) {
            if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
                return Optional.of(n.intValue());
            }
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "an integer";
        }
    }

    record FloatKind() implements FieldKind {
        @Override
        public Optional<Object> coerce(Object raw) {
            return raw instanceof Number n && Double.isFinite(n.doubleValue())
                    ? Optional.of(n.doubleValue()) : Optional.empty();
        }

        @Override
        public String describe() {
            return "a number";
        }
    }

    record EnumKind(Class<? extends Enum<?>> type) implements FieldKind {
        @Override
        public Optional<Object> coerce(Object raw) {
            if (type.isInstance(raw)) {
                return Optional.of(raw);
            }
            if (!(raw instanceof String name)) {
                return Optional.empty();
            }
            String wanted = name.toUpperCase(Locale.ROOT);
            return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(wanted))
                    .map(c -> (Object) c).findFirst();
        }

        @Override
        public String describe() {
            return "one of " + names();
        }

        public List<String> names() {
            return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        }
    }
}
