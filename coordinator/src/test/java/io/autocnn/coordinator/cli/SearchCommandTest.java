package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.engine.ExperimentLayout;
import io.autocnn.coordinator.report.TrialsCsv;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialPages;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.coordinator.store.TrialSort;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.RandomSampler;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.model.CnnBuilder;
import io.autocnn.workers.train.Checkpoint;
import io.autocnn.workers.train.InferenceLatencyMeter;
import io.autocnn.workers.train.TrialMemoryEstimate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCommandTest {

    @TempDir
    Path dir;

    private final CapturedCommandLine cli = new CapturedCommandLine();

    private int run(String... args) {
        return cli.run(args);
    }

    private Path tinySpace() throws IOException {
        return TinySpace.writeTo(dir);
    }

    @Test
    @Tag("slow")
    void searchesRealFashionMnistAndRanksTheTrials() throws IOException {
        Path runDir = dir.resolve("run");
        int exit = run("search", tinySpace().toString(), "--dataset", "fashion-mnist", "--limit", "600",
                "--sampler", "tpe", "--scheduler", "asha", "--rungs", "3", "--trials", "9", "--budget", "5m",
                "--second-objective", "params", "--out", runDir.toString());
        assertThat(exit).as(cli.err()).isZero();
        String printed = cli.out();
        assertThat(printed).contains("space tiny, sampler tpe, scheduler asha", "search ended after",
                "trial budget reached", "Pareto front (validation error vs parameters)");

        List<String> csv = Files.readAllLines(runDir.resolve("trials.csv"));
        assertThat(csv.get(0)).isEqualTo(TrialsCsv.HEADER);
        assertThat(csv).hasSize(10);
        double previous = 0;
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",");
            double error = Double.parseDouble(cells[4]);
            assertThat(error).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(1.0);
            previous = error;
            assertThat(cells[2]).isIn("COMPLETED", "PRUNED");
        }
        assertThat(csv.stream().filter(l -> l.contains(",COMPLETED,"))).isNotEmpty();
        // Trials pruned after a single batch may sit at chance (0.9); the best one has learned something.
        assertThat(Double.parseDouble(csv.get(1).split(",")[4])).isLessThan(0.8);
        // The best trial's specification is written so it can be trained on its own.
        TrialSpec best = TrialSpecJson.read(runDir.resolve("best-spec.json"));
        assertThat(best.convBlocks()).isNotEmpty();
        String bestArchitecture = csv.get(1).substring(csv.get(1).indexOf('"') + 1, csv.get(1).lastIndexOf('"'));
        assertThat(best.summary()).isEqualTo(bestArchitecture);
    }

    @Test
    @Tag("slow")
    void aFinishedSearchContinuesWithALargerBudgetKeepingItsTrials() throws IOException {
        Path runDir = dir.resolve("continued");
        String[] search = {"search", tinySpace().toString(), "--limit", "600", "--sampler", "random", "--scheduler",
                "fifo", "--seed", "4", "--concurrency", "1", "--out", runDir.toString()};
        assertThat(run(concat(search, "--trials", "2"))).as(cli.err()).isZero();
        List<String> first = Files.readAllLines(runDir.resolve("trials.csv"));

        assertThat(run(concat(search, "--trials", "4", "--continue", "--sampler", "tpe"))).isEqualTo(2);
        assertThat(cli.err()).contains("--continue", "only the budget", "sampler");
        assertThat(run(concat(search, "--trials", "4", "--continue"))).as(cli.err()).isZero();

        List<String> after = Files.readAllLines(runDir.resolve("trials.csv"));
        assertThat(after).hasSize(5);
        // The two trials of the first run are kept as they were (their ranks aside), and two more were added.
        assertThat(withoutRank(after)).containsAll(withoutRank(first.subList(1, first.size())));
        assertThat(Files.list(runDir.resolve("experiments")).count()).as("one experiment, continued").isEqualTo(1);
    }

    private static List<String> withoutRank(List<String> rows) {
        return rows.stream().map(row -> row.substring(row.indexOf(',') + 1)).toList();
    }

    @Test
    @Tag("slow")
    void finalTrainingTrainsTheBestTrialFurtherAndSavesAModelPredictTakes() throws Exception {
        Path runDir = dir.resolve("final");
        int exit = run("search", tinySpace().toString(), "--limit", "600", "--test-limit", "200", "--sampler",
                "random", "--scheduler", "fifo", "--trials", "2", "--concurrency", "1", "--budget", "40s",
                "--final-training", "0.25", "--out", runDir.toString());

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("up to 2 trials in 0m30s", "then final training of its best model for 0m10s",
                "/ 0m30s", "final     trial", "test accuracy", "(the trial's own checkpoint: ");
        Path finalModel;
        try (var files = Files.walk(runDir)) {
            finalModel = files.filter(f -> f.getFileName().toString().equals("final-model.zip")).findFirst()
                    .orElseThrow();
        }
        assertThat(cli.out()).contains("wrote     " + finalModel);
        Checkpoint.Restored model = Checkpoint.read(finalModel);
        TrialSpec best = TrialSpecJson.read(runDir.resolve("best-spec.json"));
        assertThat(model.input()).isPresent();
        assertThat(model.network().numParams()).isEqualTo(CnnBuilder.parameterCount(CnnBuilder.configuration(best,
                model.input().get().shape(), model.input().get().classNames().size(), 1)));
        // Trained on beyond the trial's own epochs.
        assertThat(model.epochsTrained()).isGreaterThan(best.training().epochs());
    }

    @Test
    void aFinalTrainingShareOutsideItsRangeIsRefusedNamingTheOption() throws IOException {
        assertThat(run("search", tinySpace().toString(), "--limit", "600", "--final-training", "0.95")).isEqualTo(2);
        assertThat(cli.err()).contains("--final-training", "0.9");
    }

    @Test
    @Tag("slow")
    void constraintsKeepEveryTrainedNetworkWithinThemAndAnImpossibleOneIsRefusedBeforeTheSearch() throws IOException {
        Path space = tinySpace();
        Files.writeString(space, Files.readString(space) + "constraints: {maxParameters: 20000}\n");
        Path runDir = dir.resolve("constrained");
        int exit = run("search", space.toString(), "--limit", "600", "--sampler", "random", "--scheduler", "fifo",
                "--trials", "10", "--concurrency", "1", "--out", runDir.toString());

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("limits    at most 20,000 parameters; a candidate beyond them is not trained",
                "candidate(s) broke a constraint and were not trained");
        List<String[]> rows = Files.readAllLines(runDir.resolve("trials.csv")).stream().skip(1)
                .map(line -> line.split(",")).toList();
        assertThat(rows).hasSize(10);
        assertThat(rows).filteredOn(row -> row[2].equals("COMPLETED")).isNotEmpty()
                .allSatisfy(row -> assertThat(Long.parseLong(row[6])).isLessThanOrEqualTo(20_000));
        assertThat(rows).filteredOn(row -> row[3].equals("CONSTRAINT")).isNotEmpty()
                .allSatisfy(row -> assertThat(row[2]).isEqualTo("FAILED"));

        Files.writeString(space, Files.readString(space).replace("20000", "100"));
        assertThat(run("search", space.toString(), "--limit", "600", "--trials", "2", "--out",
                dir.resolve("impossible").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("$.constraints", "none of 2,000 networks", "the smallest has");
    }

    @Test
    @Tag("slow")
    void measuredConstraintsAndTheLatencyObjectiveMeasureEachCandidateBeforeItTrainsAndKeepTrainedOnesWithin()
            throws IOException {
        Path space = tinySpace();
        Files.writeString(space, Files.readString(space).replace("batchSize: 32", "batchSize: {choices: [16, 512]}"));
        // A memory limit some of the sampler's first candidates meet and some break (DL4J's report is exact).
        Sampler sampler = Samplers.create(RandomSampler.NAME, SpaceFile.read(space), 4);
        List<Long> firstBytes = java.util.stream.IntStream.range(0, 8).mapToObj(i ->
                trainingBytes(sampler.propose(i, List.of()).orElseThrow().spec())).sorted().toList();
        long limitMb = (firstBytes.get(3) >> 20) + 1;
        assertThat(firstBytes.get(0)).isLessThanOrEqualTo(limitMb << 20);
        assertThat(firstBytes.get(7)).isGreaterThan(limitMb << 20);
        Files.writeString(space, Files.readString(space) + "constraints: {maxTrainingMemoryMb: " + limitMb
                + ", maxLatencyMs: 1000, latencyBatch: 8}\n");
        Path runDir = dir.resolve("measured");
        int exit = run("search", space.toString(), "--limit", "600", "--sampler", "random", "--scheduler", "fifo",
                "--trials", "8", "--seed", "4", "--concurrency", "1", "--second-objective", "latency",
                "--out", runDir.toString());

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("at most 1000.0 ms per image at batch 1, at most " + limitMb + " MB to train",
                "Pareto front (validation error vs milliseconds per image at batch 1)", " ms  ");
        try (SqliteTrialStore store = SqliteTrialStore.open(new ExperimentLayout(runDir).storeFile())) {
            String id = store.experiments().get(0).id();
            List<TrialRow> trials = TrialPages.all(store, id, TrialSort.TRIAL).toList();
            assertThat(trials).hasSize(8);
            for (TrialRow trial : trials) {
                long bytes = trainingBytes(TrialSpecJson.read(trial.specJson(), "trial"));
                if (bytes > limitMb << 20) {
                    // Refused by its memory before it was measured further, or trained: never both.
                    assertThat(trial.failureCause()).as(trial.message()).contains(FailureCause.CONSTRAINT);
                    assertThat(trial.message()).startsWith("breaks constraint maxTrainingMemoryMb");
                    assertThat(trial.trainingBytes()).hasValue(bytes);
                } else {
                    assertThat(trial.state()).as(trial.message()).isEqualTo(TrialState.COMPLETED);
                    assertThat(trial.trainingBytes()).hasValue(bytes);
                    assertThat(trial.latency()).get().satisfies(latency -> {
                        assertThat(latency.msPerImage()).isPositive().isLessThanOrEqualTo(1000);
                        assertThat(latency.batch()).isEqualTo(8);
                        assertThat(latency.repeats()).isGreaterThanOrEqualTo(InferenceLatencyMeter.MIN_REPEATS);
                    });
                }
            }
        }

        Files.writeString(space, Files.readString(space).replace("maxLatencyMs: 1000", "maxLatencyMs: 0.000001"));
        assertThat(run("search", space.toString(), "--limit", "600", "--trials", "2", "--out",
                dir.resolve("too-fast").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("$.constraints", "breaks constraint maxLatencyMs");
    }

    private static long trainingBytes(TrialSpec spec) {
        ImageShape shape = new ImageShape(1, 28, 28);
        return TrialMemoryEstimate.of(CnnBuilder.configuration(spec, shape, 10), shape, spec.training().batchSize(), 1)
                .trainingBytes();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void anUnknownSeedTrialIsAUserErrorNamingIt() throws IOException {
        assertThat(run("search", tinySpace().toString(), "--seed-trial", dir.resolve("nope.json").toString()))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--seed-trial", "nope.json", "lenet5");
    }

    @Test
    void invalidSpaceFileListsEveryProblem() throws IOException {
        Path space = dir.resolve("bad.yaml");
        Files.writeString(space, "convBlocks:\n  depth: 50\n  filters: {min: 9, max: 3}\ntraining:\n  optimiser: ADAM\n");
        assertThat(run("search", space.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("$.convBlocks.depth", "$.convBlocks.filters", "$.training.optimiser");
    }

    @Test
    void spaceThatCannotFitTheImagesIsRefusedBeforeTraining() throws IOException {
        Path space = dir.resolve("shrinking.yaml");
        Files.writeString(space, "convBlocks: {depth: 8, kernelSize: 5, padding: VALID}\n");
        assertThat(run("search", space.toString(), "--limit", "100")).isEqualTo(2);
        assertThat(cli.err()).contains("no candidate of this space fits 28x28");
    }

    @Test
    void unknownSamplerSchedulerAndBudgetAreUserErrors() throws IOException {
        Path space = tinySpace();
        assertThat(run("search", space.toString(), "--sampler", "bayes")).isEqualTo(2);
        assertThat(cli.err()).contains("--sampler ($.sampler): must be one of", "'bayes'");
        assertThat(run("search", space.toString(), "--scheduler", "hyperband")).isEqualTo(2);
        assertThat(cli.err()).contains("--scheduler ($.scheduler): must be one of", "'hyperband'");
        assertThat(run("search", space.toString(), "--rungs", "9", "--trials", "0")).isEqualTo(2);
        assertThat(cli.err()).contains("--rungs ($.rungs): must be an integer from 1 to 8",
                "--trials ($.budget.maxTrials): must be an integer from 1 to 1000000");
        assertThat(run("search", space.toString(), "--budget", "ten minutes")).isEqualTo(2);
        assertThat(cli.err()).contains("not a duration");
        assertThat(run("search", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("search space file not found");
    }

    @Test
    void aDryRunTakesEveryTrialTheWholeWayWithoutTraining() throws IOException {
        Path runDir = dir.resolve("dry");
        int exit = run("search", tinySpace().toString(), "--limit", "100", "--sampler", "random", "--scheduler",
                "fifo", "--trials", "5", "--dry-run", "--out", runDir.toString());
        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("dry run: no trial trains", "trial budget reached");
        List<String> csv = Files.readAllLines(runDir.resolve("trials.csv"));
        assertThat(csv).hasSize(6);
        assertThat(csv.subList(1, csv.size())).allSatisfy(line -> assertThat(line).contains(",COMPLETED,"));
        // The store the dry run went through can be served like any search's.
        assertThat(runDir.resolve("autocnn.db")).exists();
    }
}
