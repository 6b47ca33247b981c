package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.experiment.CifarGrayExperiment;
import io.autocnn.coordinator.experiment.ScrambledExperiment;
import io.autocnn.coordinator.report.ErrorCurvesReport;
import io.autocnn.coordinator.report.Percent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CifarGrayExperimentCommandTest {

    /** Bytes per record of the CIFAR-10 binary format: a label, then 32x32 red, green and blue bytes. */
    private static final int RECORD = 1 + 3 * 32 * 32;

    @TempDir
    Path dir;

    private final CapturedCommandLine cli = new CapturedCommandLine();

    /**
     * {@code images} records in the CIFAR-10 binary layout. The class shows as a faint brighter band in heavy noise:
     * barely learnable from 180 images, so the reports hold errors that differ from model to model and run to run
     * (with an easy pattern every error is 0 and the report checks below would prove nothing).
     */
    private static byte[] cifarRecords(int images, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = new byte[images * RECORD];
        for (int i = 0; i < images; i++) {
            int label = i % 10;
            bytes[i * RECORD] = (byte) label;
            for (int v = 0; v < 3 * 1024; v++) {
                int row = (v % 1024) / 32;
                int band = row / 3 == label ? 30 : 0;
                bytes[i * RECORD + 1 + v] = (byte) (band + random.nextInt(226));
            }
        }
        return bytes;
    }

    private Path cifarDirectory() throws IOException {
        Path data = dir.resolve("cifar-10-batches-bin");
        Files.createDirectories(data);
        Files.write(data.resolve("data_batch_1.bin"), cifarRecords(150, 1));
        Files.write(data.resolve("data_batch_2.bin"), cifarRecords(50, 2));
        Files.write(data.resolve("test_batch.bin"), cifarRecords(60, 3));
        return data;
    }

    @Test
    @Tag("slow")
    void averagesRunsOfAllThreeModelsAndWritesEveryReport() throws IOException {
        Path out = dir.resolve("cifar-gray");
        int exit = cli.run("experiment", "cifar-gray", "--data-dir", cifarDirectory().toString(), "--epochs", "2",
                "--runs", "2", "--trees", "5", "--out", out.toString());
        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("(grayscale)").contains("180 train, 20 validation, 60 test, 1x32x32")
                .contains("(run 2 of 2)");

        List<String> csv = Files.readAllLines(out.resolve(ErrorCurvesReport.CSV));
        assertThat(csv.get(0)).isEqualTo(ErrorCurvesReport.CSV_HEADER);
        String forest = ScrambledExperiment.forestName(5);
        // The forest is fitted once per run (no epochs); the networks have one row per epoch.
        assertThat(csv.subList(1, csv.size()).stream().map(line -> line.split(",")[0] + "@" + line.split(",")[1]))
                .containsExactly(forest + "@", ScrambledExperiment.MLP + "@1.0", ScrambledExperiment.MLP + "@2.0",
                        CifarGrayExperiment.CNN + "@1.0", CifarGrayExperiment.CNN + "@2.0");
        String markdown = Files.readString(out.resolve(ErrorCurvesReport.MARKDOWN));
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",");
            assertThat(cells[2]).isEqualTo("2");
            for (int c = 3; c <= 6; c++) {
                assertThat(Double.parseDouble(cells[c])).isBetween(0.0, 1.0);
            }
            // The per-epoch Markdown table shows every network's mean errors from the CSV.
            if (!cells[1].isEmpty()) {
                assertThat(markdown).contains(Percent.of(Double.parseDouble(cells[3])))
                        .contains(Percent.of(Double.parseDouble(cells[5])));
            }
        }
        // The final table (terminal and Markdown) holds each model's last row: mean ± sd of train and test error.
        for (String line : List.of(csv.get(1), csv.get(3), csv.get(5))) {
            String[] cells = line.split(",");
            String test = Percent.of(Double.parseDouble(cells[5])) + " ± " + Percent.of(Double.parseDouble(cells[6]));
            String train = Percent.of(Double.parseDouble(cells[3])) + " ± " + Percent.of(Double.parseDouble(cells[4]));
            assertThat(cli.out()).contains(train).contains(test);
            assertThat(markdown).contains(train + " | " + test);
        }
        assertThat(markdown).contains("--runs 2").contains("batch 200");

        BufferedImage plot = ImageIO.read(out.resolve(ErrorCurvesReport.PLOT).toFile());
        assertThat(plot.getWidth()).isEqualTo(900);
        assertThat(plot.getHeight()).isEqualTo(560);
    }

    @Test
    void withoutDataDirectoryTheErrorSaysWhichOptionIsMissing() {
        assertThat(cli.run("experiment", "cifar-gray")).isEqualTo(2);
        assertThat(cli.err()).contains("dataset 'cifar10-gray' needs the directory of its files (--data-dir)");
    }

    @Test
    void aFileOfTheWrongFormatIsNamed() throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), new byte[1000]);
        assertThat(cli.run("experiment", "cifar-gray", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(cli.err()).contains(dir.resolve("data_batch_1.bin").toString()).contains("3073-byte");
    }

    @Test
    void badRunCountIsAUserError() {
        assertThat(cli.run("experiment", "cifar-gray", "--data-dir", dir.toString(), "--runs", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--runs must be at least 1, got 0");
    }
}
