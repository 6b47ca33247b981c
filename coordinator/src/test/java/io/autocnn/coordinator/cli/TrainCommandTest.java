package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.report.MetricsCsv;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.model.LeNet5;
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

class TrainCommandTest {

    @TempDir
    Path dir;

    private final CapturedCommandLine cli = new CapturedCommandLine();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    @Tag("slow")
    void trainsLeNetOnRealFashionMnistAndWritesTableCsvPlotAndModel() throws IOException {
        Path runDir = dir.resolve("run");
        int exit = run("train", "--model", "lenet5", "--dataset", "fashion-mnist", "--limit", "1200",
                "--test-limit", "300", "--epochs", "2", "--batch", "32", "--out", runDir.toString());
        assertThat(exit).as(cli.err()).isZero();

        List<String> csv = Files.readAllLines(runDir.resolve("metrics.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(0)).isEqualTo(MetricsCsv.HEADER);
        String[] second = csv.get(2).split(",");
        assertThat(Double.parseDouble(second[0])).isEqualTo(2.0);
        double testError = Double.parseDouble(second[4]);
        assertThat(testError).isBetween(0.0, 0.9);
        assertThat(Long.parseLong(second[7])).isEqualTo(61_706);
        // The terminal table shows the same numbers as the CSV, as percentages.
        assertThat(cli.out()).contains("1080 train, 120 validation, 300 test")
                .contains(String.format(java.util.Locale.ROOT, "%.2f%%", 100 * testError));

        BufferedImage plot = ImageIO.read(runDir.resolve("error-vs-epoch.png").toFile());
        assertThat(plot.getWidth()).isEqualTo(900);
        assertThat(plot.getHeight()).isEqualTo(560);

        TrialSpec written = TrialSpecJson.read(runDir.resolve("spec.json"));
        assertThat(written.convBlocks()).isEqualTo(LeNet5.spec().convBlocks());
        assertThat(written.training().epochs()).isEqualTo(2.0);
        assertThat(written.training().batchSize()).isEqualTo(32);
        assertThat(runDir.resolve("model.zip")).isNotEmptyFile();
    }

    @Test
    void unknownModelIsAUserError() {
        assertThat(run("train", "--model", dir.resolve("nope.json").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("nope.json").contains("neither the built-in name 'lenet5'");
    }

    @Test
    void unknownDatasetListsTheChoices() {
        assertThat(run("train", "--model", "lenet5", "--dataset", "imagenet")).isEqualTo(2);
        assertThat(cli.err()).contains("unknown dataset 'imagenet'").contains("fashion-mnist");
    }

    @Test
    void missingDataDirectoryNamesThePath() {
        Path absent = dir.resolve("absent");
        assertThat(run("train", "--model", "lenet5", "--dataset", "mnist", "--data-dir", absent.toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains(absent.toString()).contains("expected a directory of IDX files");
    }

    @Test
    void augmentationFlagsAreCheckedBeforeAnyDataIsRead() {
        assertThat(run("train", "--model", "lenet5", "--dataset", "mnist", "--data-dir",
                dir.resolve("absent").toString(), "--augment-flip")).isEqualTo(2);
        assertThat(cli.err()).contains("--augment-flip", "holds digits").doesNotContain("absent");
        assertThat(run("train", "--model", "lenet5", "--augment-shift", "9")).isEqualTo(2);
        assertThat(cli.err()).contains("--augment-shift", "from 0 to 8");
    }

    @Test
    void invalidOverrideNamesTheField() {
        assertThat(run("train", "--model", "lenet5", "--epochs", "-1")).isEqualTo(2);
        assertThat(cli.err()).contains("$.training.epochs");
    }

    @Test
    void invalidSpecificationFileListsEveryViolation() throws IOException {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, TrialSpecJson.write(LeNet5.spec())
                .replace("\"filters\" : 6", "\"filters\" : 0")
                .replace("\"batchSize\" : 64", "\"batchSize\" : -3"));
        assertThat(run("train", "--model", spec.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("$.convBlocks[0].filters").contains("$.training.batchSize");
    }

    @Test
    void malformedFlagIsRejectedByTheParser() {
        assertThat(run("train", "--model", "lenet5", "--batch", "many")).isEqualTo(2);
        assertThat(cli.err()).contains("--batch").contains("many");
    }
}
