package io.autocnn.coordinator.cli;

import io.autocnn.workers.data.IdxDataset;
import io.autocnn.workers.data.LabeledImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PredictCommandTest {

    @TempDir
    Path dir;

    private final CapturedCommandLine cli = new CapturedCommandLine();

    /** Real Fashion-MNIST test images as PNG files, each in a folder named by its class (T-shirt/top has none). */
    private Path imageFolders(int count) throws IOException {
        LabeledImages test = IdxDataset.fashionMnist(IdxDataset.FASHION_MNIST_DEFAULT_DIR).test();
        Path root = dir.resolve("images");
        for (int i = 0; i < count; i++) {
            String name = test.classNames().get(test.labels()[i]);
            Path folder = Files.createDirectories(root.resolve(name.contains("/") ? "unlabelled" : name));
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < 28 * 28; p++) {
                int value = test.pixel(i, p);
                image.getRaster().setSample(p % 28, p / 28, 0, value);
            }
            ImageIO.write(image, "png", folder.resolve("test-" + i + ".png").toFile());
        }
        return root;
    }

    @Test
    @Tag("slow")
    void aTrainedModelClassifiesImageFilesChecksThemAgainstTheirFoldersAndNamesUnreadableOnes() throws IOException {
        Path trained = dir.resolve("train");
        assertThat(cli.run("train", "--model", "lenet5", "--limit", "3000", "--test-limit", "100", "--epochs", "1",
                "--out", trained.toString())).as(cli.err()).isZero();
        Path images = imageFolders(40);
        Files.write(images.resolve("Trouser").resolve("broken.png"), new byte[] {1, 2, 3, 4});

        int exit = cli.run("predict", trained.resolve("model.zip").toString(), images.toString(), "--top", "2");

        assertThat(exit).as("one image could not be read").isEqualTo(1);
        assertThat(cli.err()).contains("broken.png");
        String out = cli.out();
        assertThat(out).contains("input 1x28x28", "10 classes: T-shirt/top, Trouser");
        List<String> answers = out.lines().filter(line -> line.contains("test-")).toList();
        // Path, then the two most likely classes with their probabilities.
        assertThat(answers).hasSize(40).allSatisfy(line ->
                assertThat(line).containsPattern("\t[^\t]+ \\d+\\.\\d%, [^\t]+ \\d+\\.\\d%"));
        assertThat(answers.stream().filter(line -> line.contains("/unlabelled/"))).allSatisfy(line ->
                assertThat(line).doesNotContain("(folder:"));
        Matcher summary = Pattern.compile("40 image\\(s\\) classified, 1 unreadable; accuracy ([0-9.]+)% on the "
                + "(\\d+) whose folder names a class").matcher(out);
        assertThat(summary.find()).as(out).isTrue();
        long labelled = answers.stream().filter(line -> line.contains("(folder:")).count();
        long right = answers.stream().filter(line -> line.endsWith(", right)")).count();
        assertThat(Integer.parseInt(summary.group(2))).isEqualTo(labelled);
        assertThat(Double.parseDouble(summary.group(1))).isEqualTo(Math.round(10000.0 * right / labelled) / 100.0);
        // One epoch on 2,700 images: about 75 % here; chance is 10 %.
        assertThat(Double.parseDouble(summary.group(1))).isGreaterThan(40.0);
    }

    @Test
    void aMissingModelOrImageIsAUserErrorNamingIt() throws IOException {
        Path image = dir.resolve("one.png");
        ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY), "png", image.toFile());
        assertThat(cli.run("predict", dir.resolve("nope.zip").toString(), image.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("nope.zip", "not found");
        Path notAModel = dir.resolve("notes.zip");
        Files.writeString(notAModel, "not a zip");
        assertThat(cli.run("predict", notAModel.toString(), image.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("notes.zip", "not a model zip");
    }
}
