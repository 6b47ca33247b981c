package io.autocnn.workers.data;

import io.autocnn.workers.train.TrainingData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cache of prepared datasets, on real Fashion-MNIST samples. */
class PreparedDataCacheTest {

    private static DataRecipe fashionMnist(int limit) {
        return fashionMnist(limit, 3);
    }

    private static DataRecipe fashionMnist(int limit, long splitSeed) {
        return new DataRecipe("fashion-mnist", "", new ImageShape(1, 28, 28), limit, 50, 0.2, false, 0, splitSeed);
    }

    /** Counts how often each recipe was really prepared. */
    private static final class CountingPreparer implements Function<DataRecipe, TrainingData> {
        final Map<DataRecipe, AtomicInteger> counts = new ConcurrentHashMap<>();

        @Override
        public TrainingData apply(DataRecipe recipe) {
            counts.computeIfAbsent(recipe, r -> new AtomicInteger()).incrementAndGet();
            return recipe.prepare();
        }

        int count(DataRecipe recipe) {
            return counts.getOrDefault(recipe, new AtomicInteger()).get();
        }
    }

    @Test
    void theSameRecipeIsPreparedOnceThroughTheSharedCache() {
        TrainingData first = PreparedDataCache.get(fashionMnist(100));
        assertThat(PreparedDataCache.get(fashionMnist(100))).isSameAs(first);
        TrainingData other = PreparedDataCache.get(fashionMnist(200));
        assertThat(other).isNotSameAs(first);
        assertThat(other.train().size() + other.validation().size()).isEqualTo(200);
    }

    @Test
    void recipesThatFitTheBoundAreHeldSideBySide() {
        CountingPreparer preparer = new CountingPreparer();
        PreparedDataCache cache = new PreparedDataCache(Long.MAX_VALUE, preparer);
        DataRecipe a = fashionMnist(100, 1);
        DataRecipe b = fashionMnist(100, 2);
        // Two experiments taking turns: the same data with another split seed is another recipe.
        for (int turn = 0; turn < 3; turn++) {
            cache.obtain(a);
            cache.obtain(b);
        }
        assertThat(preparer.count(a)).isEqualTo(1);
        assertThat(preparer.count(b)).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedRecipeGoesWhenTheBytesExceedTheBound() {
        CountingPreparer preparer = new CountingPreparer();
        DataRecipe a = fashionMnist(100, 1);
        long oneDataset = a.prepare().bytes();
        PreparedDataCache cache = new PreparedDataCache(2 * oneDataset + oneDataset / 2, preparer);
        DataRecipe b = fashionMnist(100, 2);
        DataRecipe c = fashionMnist(100, 3);
        cache.obtain(a);
        cache.obtain(b);
        cache.obtain(a); // b is now the least recently used
        cache.obtain(c);

        assertThat(cache.recipes()).containsExactly(a, c);
        cache.obtain(a);
        assertThat(preparer.count(a)).isEqualTo(1);
        cache.obtain(b);
        assertThat(preparer.count(b)).isEqualTo(2);
    }

    @Test
    void aDatasetLargerThanTheBoundIsStillServedAndKeptUntilTheNext() {
        PreparedDataCache cache = new PreparedDataCache(1, DataRecipe::prepare);
        TrainingData data = cache.obtain(fashionMnist(100));
        assertThat(cache.obtain(fashionMnist(100))).isSameAs(data);
        cache.obtain(fashionMnist(120));
        assertThat(cache.recipes()).containsExactly(fashionMnist(120));
    }

    @Test
    void anotherRecipeIsPreparedWhileOneIsStillBeingRead() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        DataRecipe slow = fashionMnist(100, 1);
        DataRecipe fast = fashionMnist(100, 2);
        PreparedDataCache cache = new PreparedDataCache(Long.MAX_VALUE, recipe -> {
            if (recipe.equals(slow)) {
                slowStarted.countDown();
                try {
                    releaseSlow.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return recipe.prepare();
        });
        CompletableFuture<TrainingData> first = CompletableFuture.supplyAsync(() -> cache.obtain(slow));
        CompletableFuture<TrainingData> waiter = CompletableFuture.supplyAsync(() -> cache.obtain(slow));
        assertThat(slowStarted.await(1, TimeUnit.MINUTES)).isTrue();

        assertThat(CompletableFuture.supplyAsync(() -> cache.obtain(fast)).get(1, TimeUnit.MINUTES).train().size())
                .isEqualTo(80);
        assertThat(first).isNotDone();
        releaseSlow.countDown();
        assertThat(first.get(1, TimeUnit.MINUTES)).isSameAs(waiter.get(1, TimeUnit.MINUTES));
    }

    @Test
    void aRecipeThatFailsToReadLeavesNoEntryBehind() {
        PreparedDataCache cache = new PreparedDataCache(Long.MAX_VALUE, DataRecipe::prepare);
        cache.obtain(fashionMnist(100));
        DataRecipe missing = new DataRecipe("mnist", "/nonexistent/mnist", new ImageShape(1, 28, 28), 0, 0, 0.1,
                false, 0, 1);
        assertThatThrownBy(() -> cache.obtain(missing)).hasMessageContaining("/nonexistent/mnist");
        assertThat(cache.recipes()).isEqualTo(List.of(fashionMnist(100)));
        assertThat(cache.obtain(fashionMnist(100)).train().size()).isEqualTo(80);
    }
}
