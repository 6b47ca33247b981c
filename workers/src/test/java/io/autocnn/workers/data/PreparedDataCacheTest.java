package io.autocnn.workers.data;

import io.autocnn.workers.train.TrainingData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreparedDataCacheTest {

    private static DataRecipe fashionMnist(int limit) {
        return new DataRecipe("fashion-mnist", "", new ImageShape(1, 28, 28), limit, 50, 0.2, false, 0, 3);
    }

    @Test
    void theSameRecipeIsPreparedOnceAndAnotherReplacesIt() {
        TrainingData first = PreparedDataCache.get(fashionMnist(100));
        assertThat(PreparedDataCache.get(fashionMnist(100))).isSameAs(first);
        TrainingData other = PreparedDataCache.get(fashionMnist(200));
        assertThat(other).isNotSameAs(first);
        assertThat(other.train().size() + other.validation().size()).isEqualTo(200);
    }

    @Test
    void aRecipeThatFailsToReadLeavesNoStaleEntryBehind() {
        PreparedDataCache.get(fashionMnist(100));
        DataRecipe missing = new DataRecipe("mnist", "/nonexistent/mnist", new ImageShape(1, 28, 28), 0, 0, 0.1,
                false, 0, 1);
        assertThatThrownBy(() -> PreparedDataCache.get(missing)).hasMessageContaining("/nonexistent/mnist");
        assertThat(PreparedDataCache.get(fashionMnist(100)).train().size()).isEqualTo(80);
    }
}
