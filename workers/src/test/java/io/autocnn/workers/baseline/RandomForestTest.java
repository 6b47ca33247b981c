package io.autocnn.workers.baseline;

import io.autocnn.workers.data.FashionMnistFixture;
import io.autocnn.workers.data.LabeledImages;
import io.autocnn.workers.data.PixelScrambler;
import io.autocnn.workers.data.ValidationSplit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RandomForestTest {

    private static LabeledImages train(int count) {
        return ValidationSplit.sample(FashionMnistFixture.train(), count, 7);
    }

    private static LabeledImages test() {
        return ValidationSplit.sample(FashionMnistFixture.test(), 500, 8);
    }

    @Test
    @Tag("slow")
    void learnsFashionMnistAndIsDeterministicForASeed() {
        LabeledImages train = train(400);
        LabeledImages test = test();
        RandomForest forest = RandomForest.train(train, 10, 11);
        double error = forest.errorRate(test);
        // Far better than the 90 % error of guessing (a forest this small on 400 images reaches about 25 %).
        assertThat(error).isLessThan(0.35);
        assertThat(RandomForest.train(train, 10, 11).predict(test)).containsExactly(forest.predict(test));
        assertThat(forest.provenance()).contains("RandomForestTrainer").contains("numMembers");
    }

    @Test
    @Tag("slow")
    void scramblingThePixelsLeavesTheAccuracyUnchanged() {
        LabeledImages train = train(800);
        LabeledImages test = test();
        PixelScrambler scrambler = new PixelScrambler(train.shape(), 2024);
        double original = RandomForest.train(train, 20, 11).errorRate(test);
        double scrambled = RandomForest.train(scrambler.apply(train), 20, 11).errorRate(scrambler.apply(test));
        // A tree sees each pixel as an unordered feature, so the permuted data holds exactly the same information.
        // The forests still differ: with the same seed, the random feature subsets and bootstrap draws pick feature
        // *positions*, which after the permutation are other pixels. That changes individual trees, not the
        // forest's skill: over seeds 11-13 the two errors differed by 0.6, 3.0 and 0.6 points (with seed 11: 21.4 %
        // and 22.0 %), the noise of 20 trees and a 500-image test set; a real dependence on pixel order would cost
        // more (the CNN loses several points).
        assertThat(scrambled).isCloseTo(original, Offset.offset(0.04));
    }

    @Test
    void refusesAForestWithoutTrees() {
        LabeledImages few = FashionMnistFixture.test().first(10);
        assertThatThrownBy(() -> RandomForest.train(few, 0, 1)).hasMessageContaining("at least one tree, got 0");
    }
}
