package io.autocnn.workers.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CifarBinaryDatasetTest {

    @TempDir
    Path dir;

    /** One record per (label, red, green, blue) tuple, every pixel of a channel set to that value. */
    private static byte[] records(int[][] images) {
        byte[] bytes = new byte[images.length * CifarBinaryDataset.RECORD_BYTES];
        for (int i = 0; i < images.length; i++) {
            int base = i * CifarBinaryDataset.RECORD_BYTES;
            bytes[base] = (byte) images[i][0];
            for (int channel = 0; channel < 3; channel++) {
                for (int p = 0; p < CifarBinaryDataset.PIXELS; p++) {
                    bytes[base + 1 + channel * CifarBinaryDataset.PIXELS + p] = (byte) images[i][1 + channel];
                }
            }
        }
        // Mark the first red pixel of the first image so the channel-major layout is checked, not just constants.
        bytes[1] = (byte) 250;
        return bytes;
    }

    private void writeBatches() throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), records(new int[][]{{3, 10, 20, 30}, {9, 255, 255, 255}}));
        Files.write(dir.resolve("data_batch_2.bin"), records(new int[][]{{0, 200, 100, 0}}));
        Files.write(dir.resolve("test_batch.bin"), records(new int[][]{{5, 0, 0, 255}}));
    }

    @Test
    void readsColourBatchesInTheBinaryLayout() throws IOException {
        writeBatches();
        CifarBinaryDataset dataset = new CifarBinaryDataset(dir, false);
        LabeledImages train = dataset.train();
        assertThat(train.shape()).isEqualTo(new ImageShape(3, 32, 32));
        assertThat(train.labels()).containsExactly(3, 9, 0);
        assertThat(train.pixel(0, 0)).isEqualTo(250);
        assertThat(train.pixel(0, 1)).isEqualTo(10);
        assertThat(train.pixel(0, 1024)).isEqualTo(20);
        assertThat(train.pixel(0, 2048 + 77)).isEqualTo(30);
        assertThat(train.pixel(2, 1024 + 5)).isEqualTo(100);
        assertThat(dataset.test().labels()).containsExactly(5);
        assertThat(train.classNames().get(3)).isEqualTo("cat");
    }

    @Test
    void grayscaleUsesLuminance() throws IOException {
        writeBatches();
        LabeledImages train = new CifarBinaryDataset(dir, true).train();
        assertThat(train.shape()).isEqualTo(new ImageShape(1, 32, 32));
        // 0.299*10 + 0.587*20 + 0.114*30 = 18.13
        assertThat(train.pixel(0, 1)).isEqualTo(18);
        // 0.299*250 + 0.587*20 + 0.114*30 = 89.91
        assertThat(train.pixel(0, 0)).isEqualTo(90);
        assertThat(train.pixel(1, 500)).isEqualTo(255);
        // 0.299*200 + 0.587*100 = 118.5 -> 119
        assertThat(train.pixel(2, 9)).isEqualTo(119);
    }

    @Test
    void partialRecordIsReported() throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), new byte[CifarBinaryDataset.RECORD_BYTES + 10]);
        assertThatThrownBy(() -> new CifarBinaryDataset(dir, false).train())
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("data_batch_1.bin")
                .hasMessageContaining("3073-byte CIFAR-10 records")
                .hasMessageContaining("10 left over");
    }

    @Test
    void labelOutOfRangeIsReported() throws IOException {
        byte[] bytes = records(new int[][]{{1, 0, 0, 0}, {12, 0, 0, 0}});
        Files.write(dir.resolve("data_batch_1.bin"), bytes);
        assertThatThrownBy(() -> new CifarBinaryDataset(dir, true).train())
                .hasMessageContaining("record 1").hasMessageContaining("found 12");
    }

    @Test
    void missingBatchesAreNamed() {
        assertThatThrownBy(() -> new CifarBinaryDataset(dir, false).train())
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("data_batch_1.bin: file not found");
        assertThatThrownBy(() -> new CifarBinaryDataset(dir, false).test())
                .hasMessageContaining("test_batch.bin: file not found");
    }
}
