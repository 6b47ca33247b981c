package io.autocnn.coordinator.store;

import java.security.SecureRandom;

/**
 * New experiment ids: "exp-" and 12 random base32 characters (60 bits), short enough for URLs and file names, never
 * derived from what a request sent, so they reveal nothing and cannot be chosen to collide.
 */
public final class ExperimentIds {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ExperimentIds() {
    }

    public static String next() {
        StringBuilder id = new StringBuilder("exp-");
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
