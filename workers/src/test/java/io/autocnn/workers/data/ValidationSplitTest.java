package io.autocnn.workers.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidationSplitTest {

    /** 100 tiny images, image i has every pixel equal to i and label i % 4, so images can be identified. */
    private static LabeledImages numbered() {
        byte[] pixels = new byte[100 * 4];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) i);
            labels[i] = i % 4;
        }
        return new LabeledImages(pixels, labels, new ImageShape(1, 2, 2), java.util.List.of("a", "b", "c", "d"));
    }

    private static Set<Integer> ids(LabeledImages images) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < images.size(); i++) {
            ids.add(images.pixel(i, 0));
        }
        return ids;
    }

    @Test
    void splitIsStratifiedDisjointAndComplete() {
        ValidationSplit.Parts parts = ValidationSplit.carve(numbered(), 0.2, 7);
        assertThat(parts.validation().classCounts()).containsExactly(5, 5, 5, 5);
        assertThat(parts.train().classCounts()).containsExactly(20, 20, 20, 20);
        Set<Integer> all = new HashSet<>(ids(parts.train()));
        all.addAll(ids(parts.validation()));
        assertThat(all).hasSize(100);
        assertThat(ids(parts.train())).doesNotContainAnyElementsOf(ids(parts.validation()));
        // Labels travel with their images.
        for (int i = 0; i < parts.train().size(); i++) {
            assertThat(parts.train().labels()[i]).isEqualTo(parts.train().pixel(i, 0) % 4);
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        LabeledImages images = numbered();
        ValidationSplit.Parts first = ValidationSplit.carve(images, 0.2, 7);
        ValidationSplit.Parts again = ValidationSplit.carve(images, 0.2, 7);
        ValidationSplit.Parts other = ValidationSplit.carve(images, 0.2, 8);
        assertThat(again.validation().pixels()).isEqualTo(first.validation().pixels());
        assertThat(other.validation().pixels()).isNotEqualTo(first.validation().pixels());
    }

    @Test
    void sampleKeepsClassBalance() {
        LabeledImages sample = ValidationSplit.sample(FashionMnistFixture.train(), 3_000, 1);
        assertThat(sample.size()).isEqualTo(3_000);
        assertThat(sample.classCounts()).containsOnly(300);
    }

    @Test
    void fractionOutsideTheOpenIntervalIsRefused() {
        assertThatThrownBy(() -> ValidationSplit.carve(numbered(), 1.0, 1)).hasMessageContaining("(0, 1)");
    }
}
