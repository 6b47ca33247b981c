package io.autocnn.workers.data;

import io.autocnn.workers.train.TrainingData;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Prepared datasets of this JVM, keyed by their {@link DataRecipe}: every trial a Spark executor (or the embedded
 * {@code local[*]} driver) runs on a recipe shares one in-memory copy instead of reading and normalising the files
 * again. Several recipes are held at once (experiments on other data, or the same data split with another seed, run
 * side by side), up to a total number of bytes; the least recently used go first. Different recipes are
 * prepared in parallel; concurrent asks for one recipe prepare it once.
 */
public final class PreparedDataCache {

    /** The default bound, overridable with {@code -D}{@value #MAX_BYTES_PROPERTY}=bytes in the JVM that runs trials. */
    public static final long DEFAULT_MAX_BYTES = 4L << 30;
    public static final String MAX_BYTES_PROPERTY = "autocnn.dataCacheBytes";

    private static final PreparedDataCache SHARED = new PreparedDataCache(
            Long.getLong(MAX_BYTES_PROPERTY, DEFAULT_MAX_BYTES), DataRecipe::prepare);

    private final long maxBytes;
    private final Function<DataRecipe, TrainingData> prepare;
    /** In access order, least recently used first; guarded by {@code this}. */
    private final LinkedHashMap<DataRecipe, CompletableFuture<TrainingData>> entries =
            new LinkedHashMap<>(16, 0.75f, true);

    /** A cache of its own (tests); the process-wide one is behind the static {@link #get} and {@link #put}. */
    PreparedDataCache(long maxBytes, Function<DataRecipe, TrainingData> prepare) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the data cache needs a positive byte bound, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.prepare = prepare;
    }

    /** The prepared arrays for {@code recipe} from this JVM's cache, reading the files when it does not hold them. */
    public static TrainingData get(DataRecipe recipe) {
        return SHARED.obtain(recipe);
    }

    /**
     * The prepared arrays for {@code recipe} from this JVM's cache, made by {@code prepare} when it does not hold
     * them (an executor that reads data the coordinator shipped rather than the dataset's files).
     */
    public static TrainingData get(DataRecipe recipe, Function<DataRecipe, TrainingData> prepare) {
        return SHARED.obtain(recipe, prepare);
    }

    /** Makes {@code data}, already prepared from {@code recipe}, the cached copy (the embedded driver prepares first). */
    public static void put(DataRecipe recipe, TrainingData data) {
        SHARED.store(recipe, data);
    }

    TrainingData obtain(DataRecipe recipe) {
        return obtain(recipe, prepare);
    }

    TrainingData obtain(DataRecipe recipe, Function<DataRecipe, TrainingData> preparer) {
        CompletableFuture<TrainingData> entry;
        boolean mine = false;
        synchronized (this) {
            entry = entries.get(recipe);
            if (entry == null) {
                entry = new CompletableFuture<>();
                entries.put(recipe, entry);
                mine = true;
            }
        }
        if (mine) {
            prepareInto(recipe, entry, preparer);
        }
        try {
            return entry.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    void store(DataRecipe recipe, TrainingData data) {
        synchronized (this) {
            entries.put(recipe, CompletableFuture.completedFuture(data));
            evictBeyondBound(recipe);
        }
    }

    /** The recipes held now, least recently used first (tests). */
    synchronized List<DataRecipe> recipes() {
        return new ArrayList<>(entries.keySet());
    }

    private void prepareInto(DataRecipe recipe, CompletableFuture<TrainingData> entry,
                             Function<DataRecipe, TrainingData> preparer) {
        try {
            TrainingData data = preparer.apply(recipe);
            synchronized (this) {
                entry.complete(data);
                evictBeyondBound(recipe);
            }
        } catch (RuntimeException | Error e) {
            // A failed read leaves nothing behind: the next ask tries again (the files may have appeared).
            synchronized (this) {
                entries.remove(recipe, entry);
            }
            entry.completeExceptionally(e);
            throw e;
        }
    }

    /** Drops least recently used prepared entries until the total fits, never {@code keep} (just asked for). */
    private void evictBeyondBound(DataRecipe keep) {
        long total = 0;
        for (CompletableFuture<TrainingData> entry : entries.values()) {
            total += bytesOf(entry);
        }
        Iterator<Map.Entry<DataRecipe, CompletableFuture<TrainingData>>> oldestFirst = entries.entrySet().iterator();
        while (total > maxBytes && oldestFirst.hasNext()) {
            Map.Entry<DataRecipe, CompletableFuture<TrainingData>> entry = oldestFirst.next();
            long bytes = bytesOf(entry.getValue());
            if (!entry.getKey().equals(keep) && bytes > 0) {
                // Trials still training on it keep their reference; the arrays are freed when they end.
                oldestFirst.remove();
                total -= bytes;
            }
        }
    }

    /** The size of a prepared entry; 0 while it is still being prepared (it cannot be evicted yet). */
    private static long bytesOf(CompletableFuture<TrainingData> entry) {
        return entry.isDone() && !entry.isCompletedExceptionally() ? entry.join().bytes() : 0;
    }
}
