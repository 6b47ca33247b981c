package io.autocnn.space.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Optional pooling after a convolution block. Absence is an explicit state ({@link #none()}), never null.
 *
 * @param type   the pooling operation, or NONE
 * @param size   square window edge in pixels
 * @param stride step in pixels
 */
public record Pooling(PoolingType type, int size, int stride) {

    public Pooling {
        if (type == null) {
            throw new IllegalArgumentException("pooling.type is required (NONE, MAX or AVG)");
        }
    }

    public static Pooling none() {
        return new Pooling(PoolingType.NONE, 0, 0);
    }

    public static Pooling max(int size) {
        return new Pooling(PoolingType.MAX, size, size);
    }

    @JsonIgnore
    public boolean isPresent() {
        return type != PoolingType.NONE;
    }
}
