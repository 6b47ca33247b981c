package io.autocnn.workers.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxDatasetTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheRealFashionMnist() {
        LabeledImages train = FashionMnistFixture.train();
        LabeledImages test = FashionMnistFixture.test();
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(train.shape()).isEqualTo(new ImageShape(1, 28, 28));
        assertThat(train.classCounts()).containsOnly(6_000);
        assertThat(test.classCounts()).containsOnly(1_000);
        assertThat(train.classNames()).hasSize(10).startsWith("T-shirt/top");
        // Real images: not blank, and the full 0..255 range is used.
        int max = 0;
        for (int p = 0; p < 784; p++) {
            max = Math.max(max, train.pixel(0, p));
        }
        assertThat(max).isEqualTo(255);
    }

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        byte[] pixels = new byte[3 * 2 * 2];
        Arrays.fill(pixels, (byte) 200);
        pixels[5] = 7;
        writeIdx(dir.resolve("train-images-idx3-ubyte"), imagesFile(pixels, 3, 2, 2), false);
        writeIdx(dir.resolve("train-labels-idx1-ubyte.gz"), labelsFile(new byte[]{0, 9, 3}), true);
        LabeledImages train = IdxDataset.mnist(dir).train();
        assertThat(train.size()).isEqualTo(3);
        assertThat(train.labels()).containsExactly(0, 9, 3);
        assertThat(train.pixel(1, 1)).isEqualTo(7);
        assertThat(train.pixel(2, 3)).isEqualTo(200);
    }

    @Test
    void wrongMagicNamesFileExpectationAndFinding() throws IOException {
        writeIdx(dir.resolve("train-images-idx3-ubyte"), labelsFile(new byte[]{1, 2}), false);
        writeIdx(dir.resolve("train-labels-idx1-ubyte"), labelsFile(new byte[]{1, 2}), false);
        assertThatThrownBy(() -> IdxDataset.mnist(dir).train())
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("train-images-idx3-ubyte")
                .hasMessageContaining("expected an IDX file of unsigned bytes with 3 dimensions")
                .hasMessageContaining("found magic 0x00000801");
    }

    @Test
    void truncatedFileIsReported() throws IOException {
        byte[] whole = imagesFile(new byte[2 * 28 * 28], 2, 28, 28);
        writeIdx(dir.resolve("train-images-idx3-ubyte"), Arrays.copyOf(whole, whole.length - 100), false);
        writeIdx(dir.resolve("train-labels-idx1-ubyte"), labelsFile(new byte[]{1, 2}), false);
        assertThatThrownBy(() -> IdxDataset.mnist(dir).train())
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("expected 1568 data bytes")
                .hasMessageContaining("truncated");
    }

    @Test
    void labelCountMismatchIsReported() throws IOException {
        writeIdx(dir.resolve("train-images-idx3-ubyte"), imagesFile(new byte[3 * 4], 3, 2, 2), false);
        writeIdx(dir.resolve("train-labels-idx1-ubyte"), labelsFile(new byte[]{1, 2}), false);
        assertThatThrownBy(() -> IdxDataset.mnist(dir).train())
                .hasMessageContaining("expected 3 labels").hasMessageContaining("found 2 labels");
    }

    @Test
    void missingDirectoryTellsHowToInstall() {
        assertThatThrownBy(() -> IdxDataset.fashionMnist(dir.resolve("absent")).train())
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("absent")
                .hasMessageContaining("apt-get install -y dataset-fashion-mnist");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> IdxDataset.mnist(dir).test())
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("t10k-images-idx3-ubyte: file not found");
    }

    static byte[] imagesFile(byte[] pixels, int count, int rows, int cols) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000803);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        out.write(pixels);
        return bytes.toByteArray();
    }

    static byte[] labelsFile(byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000801);
        out.writeInt(labels.length);
        out.write(labels);
        return bytes.toByteArray();
    }

    static void writeIdx(Path file, byte[] content, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
    }
}
