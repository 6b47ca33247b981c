package io.autocnn.workers.data;

import io.autocnn.workers.train.TrainingData;

/**
 * One prepared dataset per JVM: every trial a Spark executor (or the embedded {@code local[*]} driver) runs on the
 * same recipe shares one in-memory copy instead of reading and normalising the files again. Holding only the latest
 * recipe bounds memory when recipes change.
 */
public final class PreparedDataCache {

    private static final Object LOCK = new Object();
    private static DataRecipe cachedRecipe;
    private static TrainingData cachedData;

    private PreparedDataCache() {
    }

    /** The prepared arrays for {@code recipe}, reading the files only when it differs from the last one asked for. */
    public static TrainingData get(DataRecipe recipe) {
        synchronized (LOCK) {
            if (!recipe.equals(cachedRecipe)) {
                // Drop the old copy first: it frees the memory, and a failing read leaves nothing stale behind.
                cachedRecipe = null;
                cachedData = null;
                cachedData = recipe.prepare();
                cachedRecipe = recipe;
            }
            return cachedData;
        }
    }

    /** Makes {@code data}, already prepared from {@code recipe}, the cached copy (the embedded driver prepares first). */
    public static void put(DataRecipe recipe, TrainingData data) {
        synchronized (LOCK) {
            cachedRecipe = recipe;
            cachedData = data;
        }
    }

}
