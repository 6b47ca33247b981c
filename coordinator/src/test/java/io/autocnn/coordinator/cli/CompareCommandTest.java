package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.compare.Comparison;
import io.autocnn.coordinator.experiment.Spread;
import io.autocnn.coordinator.report.CompareCsv;
import io.autocnn.coordinator.report.Percent;
import io.autocnn.coordinator.report.TrialsCsv;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CompareCommandTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    private final CapturedCommandLine cli = new CapturedCommandLine();

    /** One row of compare.csv, by the header's column names. */
    private record Row(String side, int repetition, long seed, double testAccuracy, double validationError,
                       double chosenEpoch, double epochsTrained, double seconds, List<String> trialCounts) {
        static Row parse(String line) {
            String[] c = line.split(",");
            return new Row(c[0], Integer.parseInt(c[1]), Long.parseLong(c[2]), Double.parseDouble(c[3]),
                    Double.parseDouble(c[4]), Double.parseDouble(c[5]), Double.parseDouble(c[6]),
                    Double.parseDouble(c[8]), List.of(c[9], c[10], c[11], c[12]));
        }
    }

    private List<Row> rows(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve(CompareCsv.FILE));
        assertThat(lines.get(0)).isEqualTo(CompareCsv.HEADER);
        return lines.subList(1, lines.size()).stream().map(Row::parse).toList();
    }

    private int compare(Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("compare", "--space", TinySpace.writeTo(dir).toString(),
                "--dataset", "fashion-mnist", "--limit", "600", "--test-limit", "200", "--out", out.toString()));
        args.addAll(Arrays.asList(extra));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    @Tag("slow")
    void comparesLeNet5WithASearchOnRealFashionMnistAndWritesEveryReportFile() throws IOException {
        Path out = dir.resolve("compare");
        int exit = compare(out, "--budget", "20s", "--max-epochs", "3", "--trials", "6", "--seed", "7");
        assertThat(exit).as(cli.err()).isZero();

        List<Row> rows = rows(out);
        assertThat(rows).extracting(Row::side).containsExactly("lenet5", "search", "search-final");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.repetition()).isEqualTo(1);
            assertThat(r.seed()).isEqualTo(7);
            assertThat(r.testAccuracy()).isBetween(0.0, 1.0);
            assertThat(r.chosenEpoch()).isPositive().isLessThanOrEqualTo(r.epochsTrained() + 1e-6);
        });
        Row lenet = rows.get(0);
        Row search = rows.get(1);
        Row trained = rows.get(2);
        // Final training continued the chosen trial from where the search left it.
        assertThat(trained.chosenEpoch()).isGreaterThan(search.chosenEpoch());
        assertThat(trained.seconds()).isPositive().isLessThanOrEqualTo(0.2 * 20 + 2);
        assertThat(trained.testAccuracy()).isGreaterThan(0.2);
        assertThat(out.resolve("repetition-1/search-final.zip")).isRegularFile();
        // A few calibrating steps measured the speed (one row), then the anneal trained on (a row per epoch).
        List<Double> finalEpochs = Files.readAllLines(out.resolve("repetition-1/search-final-metrics.csv")).stream()
                .skip(1).map(line -> Double.parseDouble(line.split(",")[0])).toList();
        assertThat(finalEpochs).hasSizeGreaterThanOrEqualTo(2).isSorted().doesNotHaveDuplicates();
        assertThat(finalEpochs.get(finalEpochs.size() - 1)).isEqualTo(trained.chosenEpoch(), within(1e-6));
        assertThat(lenet.epochsTrained()).isBetween(1.0, 3.0);
        assertThat(lenet.trialCounts()).containsOnly("");
        // Completed, pruned, failed and timed-out trials: every trial of the search ended in one of them, and each
        // has its row in the repetition's trials file, the chosen one first.
        int trials = search.trialCounts().stream().mapToInt(Integer::parseInt).sum();
        assertThat(trials).isBetween(1, 6);
        List<String> trialRows = Files.readAllLines(out.resolve("repetition-1/" + Comparison.SEARCH_TRIALS_FILE));
        assertThat(trialRows.get(0)).isEqualTo(TrialsCsv.HEADER);
        assertThat(trialRows).hasSize(trials + 1);
        assertThat(Double.parseDouble(trialRows.get(1).split(",")[4])).isCloseTo(search.validationError(),
                within(1e-6));
        // Both learned something from 450 images: chance is 10 %.
        assertThat(lenet.testAccuracy()).isGreaterThan(0.3);
        assertThat(search.testAccuracy()).isGreaterThan(0.2);

        // LeNet-5 kept its epoch of lowest validation error, not its last one.
        List<String[]> lenetEpochs = Files.readAllLines(out.resolve("repetition-1/lenet5-metrics.csv")).stream()
                .skip(1).map(line -> line.split(",")).toList();
        String[] lowest = lenetEpochs.stream().min(Comparator.comparingDouble(c -> Double.parseDouble(c[3])))
                .orElseThrow();
        assertThat(Double.parseDouble(lowest[3])).isCloseTo(lenet.validationError(), within(1e-6));
        assertThat(Double.parseDouble(lowest[0])).isCloseTo(lenet.chosenEpoch(), within(1e-6));
        assertThat(Double.parseDouble(lenetEpochs.get(lenetEpochs.size() - 1)[0]))
                .isCloseTo(lenet.epochsTrained(), within(1e-6));

        String markdown = Files.readString(out.resolve("report.md"));
        assertThat(markdown.lines().toList().subList(0, 3)).anySatisfy(line ->
                assertThat(line).startsWith("Command: `autocnn compare --space").contains("--seed 7"));
        assertThat(markdown).contains("Seed: 7", "one after the other", "20 s", "Winning architecture",
                "completed", "pruned", "failed");
        for (Row r : rows) {
            assertThat(markdown).contains(Percent.of(r.testAccuracy()), Percent.of(r.validationError()));
        }
        assertThat(markdown).contains(String.format(Locale.ROOT, "search minus LeNet-5: %+.2f points",
                100 * (search.testAccuracy() - lenet.testAccuracy())), String.format(Locale.ROOT,
                "With the search's final training: %+.2f points", 100 * (trained.testAccuracy()
                        - lenet.testAccuracy())), "search + final training", "Final training: the search had 80%");
        assertThat(markdown).containsPattern("training time \\(summed over its trials\\): \\d+ s \\(\\d+%\\) to "
                + "pruned trials, \\d+ s \\(\\d+%\\) to the chosen trial, \\d+ s \\(\\d+%\\) to the other trials, "
                + "\\d+ s \\(\\d+%\\) to the chosen model's final training");

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table>", "data:image/png;base64,",
                Percent.of(search.testAccuracy()));
        for (String png : List.of("test-accuracy.png", "best-so-far.png", "error-vs-epoch-1.png")) {
            assertThat(Arrays.copyOf(Files.readAllBytes(out.resolve(png)), 4)).as(png).isEqualTo(PNG_SIGNATURE);
            assertThat(markdown).contains("(" + png + ")");
        }
    }

    @Test
    @Tag("slow")
    void repetitionsReportMeanAndStandardDeviationOfTheRows() throws IOException {
        Path out = dir.resolve("repeated");
        int exit = compare(out, "--budget", "8s", "--max-epochs", "1", "--trials", "2", "--seed", "3",
                "--repetitions", "2", "--final-training", "0");
        assertThat(exit).as(cli.err()).isZero();

        List<Row> rows = rows(out);
        assertThat(rows).extracting(Row::side).containsExactly("lenet5", "search", "lenet5", "search");
        assertThat(rows).extracting(Row::seed).containsExactly(3L, 3L, 4L, 4L);
        String markdown = Files.readString(out.resolve("report.md"));
        for (String side : List.of("lenet5", "search")) {
            Spread accuracy = Spread.of(rows.stream().filter(r -> r.side().equals(side))
                    .mapToDouble(Row::testAccuracy).toArray());
            assertThat(markdown).contains(Percent.of(accuracy.mean()) + " ± " + Percent.of(accuracy.sd()));
        }
        Spread difference = Spread.of(rows.get(1).testAccuracy() - rows.get(0).testAccuracy(),
                rows.get(3).testAccuracy() - rows.get(2).testAccuracy());
        assertThat(markdown).contains(String.format(Locale.ROOT, "%+.2f ± %.2f points (mean ± standard deviation "
                + "over 2 repetitions)", 100 * difference.mean(), 100 * difference.sd()));
    }

    @Test
    @Tag("slow")
    void candidatesTheConstraintsRefusedAreCountedApartFromTrialsThatFailed() throws IOException {
        Path space = dir.resolve("constrained.yaml");
        Files.writeString(space, Files.readString(TinySpace.writeTo(dir)) + "constraints: {maxParameters: 8000}\n");
        Path out = dir.resolve("constrained");
        int exit = cli.run("compare", "--space", space.toString(), "--dataset", "fashion-mnist", "--limit", "600",
                "--test-limit", "200", "--out", out.toString(), "--budget", "8s", "--max-epochs", "1", "--trials", "6",
                "--seed", "7", "--final-training", "0");
        assertThat(exit).as(cli.err()).isZero();

        List<String[]> trials = Files.readAllLines(out.resolve("repetition-1/" + Comparison.SEARCH_TRIALS_FILE))
                .stream().skip(1).map(line -> line.split(",")).toList();
        long refused = trials.stream().filter(t -> t[3].equals("CONSTRAINT")).count();
        long failed = trials.stream().filter(t -> t[2].equals("FAILED")).count();
        assertThat(refused).as("this seed's draws include networks over 8,000 parameters").isPositive();
        assertThat(Files.readString(out.resolve("report.md"))).contains(failed + " failed (" + refused
                + " of them candidates the space's constraints refused, never trained)");
    }

    @Test
    void badOptionsAreUserErrors() throws IOException {
        assertThat(compare(dir.resolve("none"), "--repetitions", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--repetitions must be at least 1, got 0");
        assertThat(cli.run("compare", "--space", TinySpace.writeTo(dir).toString(), "--dataset", "imagenet",
                "--out", dir.resolve("none").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--dataset ($.dataset.name): must be one of", "'imagenet'");
        assertThat(compare(dir.resolve("none"), "--max-epochs", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--max-epochs must be between 1 and 1000, got 0");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    @Tag("slow")
    void aSearchThatFailsIsAUserErrorWithItsReason() throws IOException {
        // Unpadded 5x5 convolutions with pooling fit two blocks of a 28x28 image, not three: with this seed the
        // first trial has more and fails, and no failure is tolerated.
        Path space = dir.resolve("failing.yaml");
        Files.writeString(space, "convBlocks: {depth: {min: 2, max: 7}, filters: 2, kernelSize: 5, padding: VALID, "
                + "pooling: MAX}\ntraining: {batchSize: 32, epochs: 1, learningRate: 0.005}\n");
        Path out = dir.resolve("failed");
        int exit = cli.run("compare", "--space", space.toString(), "--limit", "600", "--test-limit", "200",
                "--budget", "40s", "--trials", "3", "--max-failed", "0", "--max-epochs", "1", "--seed", "1",
                "--out", out.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("the search failed, so there is nothing to compare",
                "more than the limit of 0");
        assertThat(out.resolve("compare.csv")).doesNotExist();
    }

    @Test
    @Tag("slow")
    void budgetTooSmallForOneEpochOfLeNet5IsAUserError() throws IOException {
        Path out = dir.resolve("short");
        int exit = cli.run("compare", "--space", TinySpace.writeTo(dir).toString(), "--limit", "20000",
                "--test-limit", "100", "--budget", "1s", "--out", out.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("--budget 1 s is too small: LeNet-5 trained only", "of its first epoch");
        assertThat(out.resolve("compare.csv")).doesNotExist();
    }
}
