package io.autocnn.workers.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageFolderDatasetTest {

    @TempDir
    Path dir;

    private static void writeImage(Path file, Color color) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, color.getRGB());
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void readsOneSubfolderPerClassResized() throws IOException {
        writeImage(dir.resolve("dark/a.png"), Color.BLACK);
        writeImage(dir.resolve("dark/b.png"), Color.BLACK);
        writeImage(dir.resolve("light/c.png"), Color.WHITE);
        Files.writeString(dir.resolve("light/notes.txt"), "not an image");
        ImageFolderDataset dataset = new ImageFolderDataset(dir, new ImageShape(1, 8, 8));
        LabeledImages train = dataset.train();
        assertThat(train.classNames()).containsExactly("dark", "light");
        assertThat(train.labels()).containsExactly(0, 0, 1);
        assertThat(train.shape()).isEqualTo(new ImageShape(1, 8, 8));
        assertThat(train.pixel(0, 10)).isEqualTo(0);
        assertThat(train.pixel(2, 10)).isEqualTo(255);
        assertThat(dataset.test().size()).isZero();
    }

    @Test
    void usesTrainAndTestSubfoldersWhenPresent() throws IOException {
        writeImage(dir.resolve("train/red/a.png"), Color.RED);
        writeImage(dir.resolve("train/blue/b.png"), Color.BLUE);
        writeImage(dir.resolve("test/red/c.png"), Color.RED);
        ImageFolderDataset dataset = new ImageFolderDataset(dir, new ImageShape(3, 4, 4));
        assertThat(dataset.train().classNames()).containsExactly("blue", "red");
        LabeledImages test = dataset.test();
        assertThat(test.labels()).containsExactly(1);
        // Channels first; the red image has one channel at 255 and two at 0, whatever the channel order.
        int sum = test.pixel(0, 0) + test.pixel(0, 16) + test.pixel(0, 32);
        assertThat(sum).isEqualTo(255);
    }

    @Test
    void corruptImageIsNamed() throws IOException {
        writeImage(dir.resolve("a/ok.png"), Color.BLACK);
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/broken.png"), "this is not a png");
        assertThatThrownBy(() -> new ImageFolderDataset(dir, new ImageShape(1, 8, 8)).train())
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("broken.png");
    }

    @Test
    void folderWithoutClassesIsRefused() throws IOException {
        writeImage(dir.resolve("only/a.png"), Color.BLACK);
        assertThatThrownBy(() -> new ImageFolderDataset(dir, new ImageShape(1, 8, 8)).train())
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("at least two classes")
                .hasMessageContaining("found 1 subfolder");
    }

    @Test
    void aSampleIsTakenByFileBeforeDecodingAndEqualsSamplingTheDecodedImages() throws IOException {
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE};
        for (int c = 0; c < colors.length; c++) {
            for (int i = 0; i < 10; i++) {
                writeImage(dir.resolve("class" + c + "/img" + i + ".png"), new Color(colors[c].getRed() / (i + 1),
                        colors[c].getGreen() / (i + 1), colors[c].getBlue() / (i + 1)));
            }
        }
        ImageShape shape = new ImageShape(3, 8, 8);
        ImageFolderDataset folder = new ImageFolderDataset(dir, shape);
        LabeledImages decodedThenSampled = ValidationSplit.sample(folder.train(), 9, 5);
        LabeledImages sampledThenDecoded = folder.trainSample(9, 5);
        assertThat(sampledThenDecoded.labels()).isEqualTo(decodedThenSampled.labels());
        assertThat(sampledThenDecoded.pixels()).isEqualTo(decodedThenSampled.pixels());

        // A file the sample does not take is never decoded: breaking it changes nothing.
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) {
            labels[i] = i / 10;
        }
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (int index : ValidationSplit.sampleIndices(labels, 3, 9, 5)) {
            taken.add(index);
        }
        int untouched = java.util.stream.IntStream.range(0, 30).filter(i -> !taken.contains(i)).findFirst()
                .orElseThrow();
        Files.writeString(dir.resolve("class" + untouched / 10 + "/img" + untouched % 10 + ".png"), "not a png");
        assertThat(folder.trainSample(9, 5).pixels()).isEqualTo(decodedThenSampled.pixels());
        assertThatThrownBy(folder::train).isInstanceOf(DatasetException.class)
                .hasMessageContaining("img" + untouched % 10 + ".png");
    }

    @Test
    void setsOfImagesNoArrayCouldHoldAreRefusedBeforeDecodingWithTheWayOut() {
        ImageShape large = new ImageShape(3, 512, 512);
        assertThatThrownBy(() -> ImageFolderDataset.requireFits(dir, 2_731, large))
                .isInstanceOf(DatasetException.class).hasMessageContaining("2731 images of")
                .hasMessageContaining("--limit");
        ImageFolderDataset.requireFits(dir, 100, new ImageShape(1, 28, 28));
    }
}
