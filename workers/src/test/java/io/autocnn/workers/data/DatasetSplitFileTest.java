package io.autocnn.workers.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetSplitFileTest {

    private static final ImageShape SHAPE = new ImageShape(1, 6, 5);
    private static final List<String> CLASSES = List.of("zero", "one", "two");

    @TempDir
    Path dir;

    private static LabeledImages images(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] pixels = new byte[count * SHAPE.valuesPerImage()];
        random.nextBytes(pixels);
        return new LabeledImages(pixels, IntStream.range(0, count).map(i -> random.nextInt(3)).toArray(), SHAPE,
                CLASSES);
    }

    private static final DatasetSplit SPLIT = new DatasetSplit(images(40, 1), images(10, 2), images(12, 3));

    private static void assertSame(LabeledImages actual, LabeledImages expected) {
        assertThat(actual.pixels()).isEqualTo(expected.pixels());
        assertThat(actual.labels()).isEqualTo(expected.labels());
        assertThat(actual.shape()).isEqualTo(expected.shape());
        assertThat(actual.classNames()).isEqualTo(expected.classNames());
    }

    @Test
    void aShippedSplitReadsBackImageForImageUnderTheNameOfItsChecksum() throws IOException {
        Path file = DatasetSplitFile.write(SPLIT, dir);
        assertThat(file.getFileName().toString()).matches("data-[0-9a-f]{64}\\.bin");
        assertThat(DatasetSplitFile.write(SPLIT, dir)).as("the same content, the same name").isEqualTo(file);
        assertThat(dir).isDirectoryNotContaining("glob:**.partial");

        DatasetSplit read = DatasetSplitFile.read(file);
        assertSame(read.train(), SPLIT.train());
        assertSame(read.validation(), SPLIT.validation());
        assertSame(read.test(), SPLIT.test());
    }

    @Test
    void aDamagedOrMisnamedFileIsRefusedNamingIt() throws IOException {
        Path file = DatasetSplitFile.write(SPLIT, dir);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 7] ^= 0x10; // one test pixel
        Files.write(file, bytes);
        assertThatThrownBy(() -> DatasetSplitFile.read(file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("damaged");

        Path other = dir.resolve("images.bin");
        Files.write(other, bytes);
        assertThatThrownBy(() -> DatasetSplitFile.read(other)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a shipped dataset");
        Path truncated = dir.resolve(file.getFileName().toString().replace("data-", "data-0"));
        Files.write(truncated, Arrays.copyOf(bytes, 30));
        assertThatThrownBy(() -> DatasetSplitFile.read(truncated)).isInstanceOf(IOException.class);
    }
}
