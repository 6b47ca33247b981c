package io.autocnn.space.spec;

/**
 * One thing wrong with a specification.
 *
 * @param path    JSON path of the offending field, for example {@code $.convBlocks[2].filters}
 * @param message what is wrong and what was expected
 */
public record SpecViolation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
