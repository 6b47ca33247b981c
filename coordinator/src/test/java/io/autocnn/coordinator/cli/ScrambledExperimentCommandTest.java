package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.experiment.ScrambledExperiment;
import io.autocnn.coordinator.report.Percent;
import io.autocnn.coordinator.report.ScrambleReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScrambledExperimentCommandTest {

    @TempDir
    Path dir;

    private final CapturedCommandLine cli = new CapturedCommandLine();

    @Test
    @Tag("slow")
    void comparesAllThreeModelsOnRealFashionMnistAndWritesEveryReport() throws IOException {
        Path out = dir.resolve("scrambled");
        int exit = cli.run("experiment", "scrambled", "--limit", "800", "--test-limit", "400", "--epochs", "3",
                "--trees", "12", "--seed", "11", "--out", out.toString());
        assertThat(exit).as(cli.err()).isZero();

        List<String> csv = Files.readAllLines(out.resolve(ScrambleReport.CSV));
        assertThat(csv.get(0)).isEqualTo(ScrambleReport.CSV_HEADER);
        assertThat(csv).hasSize(4);
        List<String> models = csv.subList(1, 4).stream().map(line -> line.split(",")[0]).toList();
        assertThat(models).containsExactly(ScrambledExperiment.LENET5, ScrambledExperiment.MLP,
                ScrambledExperiment.forestName(12));
        String markdown = Files.readString(out.resolve(ScrambleReport.MARKDOWN));
        for (String line : csv.subList(1, 4)) {
            String[] cells = line.split(",");
            double original = Double.parseDouble(cells[1]);
            double scrambled = Double.parseDouble(cells[2]);
            // Every model learned something on both variants (10 classes: guessing is 10 %).
            assertThat(original).as(cli.out()).isBetween(0.3, 1.0);
            assertThat(scrambled).as(cli.out()).isBetween(0.3, 1.0);
            assertThat(Double.parseDouble(cells[3])).isCloseTo(scrambled - original, within(1e-6));
            // The terminal table and the Markdown show the CSV's numbers.
            assertThat(cli.out()).contains(Percent.of(original)).contains(Percent.of(scrambled));
            assertThat(markdown).contains("| " + cells[0] + " | " + Percent.of(original) + " | "
                    + Percent.of(scrambled) + " |");
        }
        // The forest sees pixels as unordered features: the same permutation on train and test leaves it as good
        // as before. The forests still differ (random feature subsets pick positions, which now hold other
        // pixels), so its accuracy moves within the noise of 12 trees and 400 test images, not more.
        double forestChange = Double.parseDouble(csv.get(3).split(",")[3]);
        assertThat(Math.abs(forestChange)).isLessThanOrEqualTo(0.05);
        assertThat(markdown).contains("Command: `autocnn experiment scrambled --limit 800")
                .contains("720 train, 80 validation, 400 test, 1x28x28").contains("![test accuracy](accuracy.png)");

        BufferedImage plot = ImageIO.read(out.resolve(ScrambleReport.PLOT).toFile());
        assertThat(plot.getWidth()).isEqualTo(900);
        assertThat(plot.getHeight()).isEqualTo(560);
    }

    @Test
    void scrambleFlagIsRefusedBecauseBothVariantsAlwaysRun() {
        assertThat(cli.run("experiment", "scrambled", "--scramble")).isEqualTo(2);
        assertThat(cli.err()).contains("--scramble does not apply").contains("--scramble-seed");
    }

    @Test
    void forestWithoutTreesIsAUserError() {
        assertThat(cli.run("experiment", "scrambled", "--trees", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--trees must be at least 1, got 0");
    }
}
