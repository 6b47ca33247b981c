package io.autocnn.space.definition;

import io.autocnn.space.spec.BlockKind;
import io.autocnn.space.spec.HeadPooling;
import io.autocnn.space.spec.LearningRateSchedule;
import io.autocnn.space.spec.Normalization;
import io.autocnn.space.spec.PoolingType;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecValidator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SpaceFileTest {

    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final Path BENCH_SPACES = Path.of("..", "bench", "spaces");

    /** A chooser drawing uniformly, enough to exercise the space without depending on the samplers. */
    private static ParameterChooser uniform(long seed) {
        Random random = new Random(seed);
        return (key, domain) -> {
            if (domain instanceof Domain.IntRange r) {
                return r.fromUnit(random.nextDouble());
            }
            if (domain instanceof Domain.FloatRange r) {
                return r.fromUnit(random.nextDouble());
            }
            return ((Domain.Categorical) domain).fromUnit(random.nextDouble());
        };
    }

    @Test
    void examplesParseAndEverySampleIsAValidTrial() {
        for (String file : List.of("lenet-space.yaml", "wide-space.yaml", "modern-space.yaml", "mnist-space.yaml",
                "cifar10-space.yaml", "fashion-mnist-2h-space.yaml")) {
            assertEverySampleIsAValidTrial(EXAMPLES.resolve(file));
        }
    }

    /** The benchmarks' own spaces (bench/spaces/) are run by hand for hours; a typo must fail here, not there. */
    @Test
    void benchmarkSpacesParseAndEverySampleIsAValidTrial() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(BENCH_SPACES)) {
            files = listing.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        files.forEach(SpaceFileTest::assertEverySampleIsAValidTrial);
    }

    private static void assertEverySampleIsAValidTrial(Path file) {
        SearchSpace space = SpaceFile.read(file);
        for (int i = 0; i < 200; i++) {
            TrialSpec spec = space.sample(uniform(i), i).spec();
            assertThat(TrialSpecValidator.violations(spec)).as(file + " sample " + i).isEmpty();
        }
    }

    @Test
    void theNewerVocabularyIsSearchedPerLayerWithConditionsAndReachesTheSpec() {
        SearchSpace space = SpaceFile.read(EXAMPLES.resolve("modern-space.yaml"));
        Set<Normalization> normalizations = new HashSet<>();
        Set<HeadPooling> heads = new HashSet<>();
        Set<LearningRateSchedule> schedules = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Candidate candidate = space.sample(uniform(i), i);
            TrialSpec spec = candidate.spec();
            spec.convBlocks().forEach(block -> normalizations.add(block.normalization()));
            heads.add(spec.headPooling());
            schedules.add(spec.training().schedule());
            assertThat(candidate.parameters()).containsKeys("convBlocks[0].normalization", "head.pooling",
                    "training.schedule", "training.labelSmoothing");
            // Warm-up is declared only under COSINE: elsewhere it keeps its default, 0.
            assertThat(spec.training().warmupEpochs()).as("sample " + i)
                    .isEqualTo(spec.training().schedule() == LearningRateSchedule.COSINE ? 1.0 : 0.0);
            assertThat(spec.convBlocks().get(0).spatialDropout()).isIn(0.0, 0.1);
        }
        assertThat(normalizations).containsExactlyInAnyOrder(Normalization.values());
        assertThat(heads).containsExactlyInAnyOrder(HeadPooling.FLATTEN, HeadPooling.GLOBAL_AVERAGE);
        assertThat(schedules).containsExactlyInAnyOrder(LearningRateSchedule.CONSTANT, LearningRateSchedule.COSINE,
                LearningRateSchedule.ONE_CYCLE);
    }

    @Test
    void eachDatasetsSpaceFitsItsImages() {
        assertThat(SpaceFeasibility.violations(SpaceFile.read(EXAMPLES.resolve("cifar10-space.yaml")), 32, 32))
                .isEmpty();
        for (String file : List.of("mnist-space.yaml", "modern-space.yaml")) {
            assertThat(SpaceFeasibility.violations(SpaceFile.read(EXAMPLES.resolve(file)), 28, 28)).as(file).isEmpty();
        }
    }

    @Test
    void aSpaceWithoutTheNewerFieldsSamplesTheirDefaults() {
        SearchSpace space = SpaceFile.parse("convBlocks: {depth: 1}\n", "plain.yaml", true);
        TrialSpec spec = space.sample(uniform(1), 1).spec();
        assertThat(spec.headPooling()).isEqualTo(HeadPooling.FLATTEN);
        assertThat(spec.convBlocks().get(0).normalization()).isEqualTo(Normalization.NONE);
        assertThat(spec.training().schedule()).isEqualTo(LearningRateSchedule.CONSTANT);
        assertThat(spec.training().labelSmoothing()).isZero();
    }

    @Test
    void badValuesOfTheNewerFieldsAreNamedWithTheirPaths() {
        InvalidSpaceException e = catchThrowableOfType(() -> SpaceFile.parse("""
                convBlocks: {depth: 1, normalization: LAYER, spatialDropout: 0.95}
                head: {pooling: {choices: [FLATTEN, SOMETIMES]}, flatten: true}
                training: {schedule: LINEAR, labelSmoothing: 0.7}
                """, "bad.yaml", true), InvalidSpaceException.class);
        assertThat(e.violations()).extracting(SpecViolation::path).contains("$.convBlocks.normalization",
                "$.convBlocks.spatialDropout", "$.head.pooling.choices[1]", "$.head.flatten", "$.training.schedule",
                "$.training.labelSmoothing");
    }

    @Test
    void residualBlocksAreSearchedAndASpaceThatCouldGiveThemValidPaddingIsRefused() {
        SearchSpace space = SpaceFile.parse("""
                convBlocks: {depth: 2, kind: {choices: [PLAIN, RESIDUAL]}}
                """, "residual.yaml", true);
        java.util.Set<BlockKind> kinds = new java.util.HashSet<>();
        for (int trial = 0; trial < 40; trial++) {
            space.sample(uniform(trial), trial).spec().convBlocks().forEach(block -> kinds.add(block.kind()));
        }
        assertThat(kinds).containsExactlyInAnyOrder(BlockKind.PLAIN, BlockKind.RESIDUAL);

        InvalidSpaceException e = catchThrowableOfType(() -> SpaceFile.parse("""
                convBlocks: {depth: 2, kind: RESIDUAL, padding: {choices: [SAME, VALID]}}
                """, "bad.yaml", true), InvalidSpaceException.class);
        assertThat(e.violations()).extracting(SpecViolation::path).containsExactly("$.convBlocks.kind");
        assertThat(e.getMessage()).contains("needs SAME padding");
        // VALID only for plain blocks is fine.
        assertThat(SpaceFile.parse("""
                convBlocks: {depth: 2, kind: {choices: [PLAIN, RESIDUAL]}, padding: {value: VALID, when: {kind: PLAIN}}}
                """, "conditional.yaml", true).name()).isEqualTo("conditional");
    }

    @Test
    void constraintsAreReadAndBadOnesNamedWithTheirPaths() {
        SearchSpace space = SpaceFile.parse("""
                convBlocks: {depth: 1}
                constraints: {maxParameters: 20000, maxMacs: 5000000}
                """, "constrained.yaml", true);
        assertThat(space.constraints()).isEqualTo(new Constraints(java.util.OptionalLong.of(20_000),
                java.util.OptionalLong.of(5_000_000)));
        assertThat(SpaceFile.parse("convBlocks: {depth: 1}\n", "free.yaml", true).constraints().isEmpty()).isTrue();

        InvalidSpaceException e = catchThrowableOfType(() -> SpaceFile.parse("""
                convBlocks: {depth: 1}
                constraints: {maxParameters: -5, maxMacs: 1.5, maxLatency: 3}
                """, "bad.yaml", true), InvalidSpaceException.class);
        assertThat(e.violations()).extracting(SpecViolation::path).containsExactlyInAnyOrder(
                "$.constraints.maxParameters", "$.constraints.maxMacs", "$.constraints.maxLatency");
        assertThat(catchThrowableOfType(() -> SpaceFile.parse("convBlocks: {depth: 1}\nconstraints: 7\n",
                "bad.yaml", true), InvalidSpaceException.class).violations())
                .extracting(SpecViolation::path).containsExactly("$.constraints");
    }

    @Test
    void measuredConstraintsAreReadWithTheLatencyBatchAndBadOnesNamed() {
        Constraints constraints = SpaceFile.parse("""
                convBlocks: {depth: 1}
                constraints: {maxLatencyMs: 0.5, maxTrainingMemoryMb: 300, latencyBatch: 8}
                """, "measured.yaml", true).constraints();
        assertThat(constraints.maxLatencyMs()).hasValue(0.5);
        assertThat(constraints.maxTrainingMemoryMb()).hasValue(300);
        assertThat(constraints.latencyBatch()).isEqualTo(8);
        assertThat(constraints.needsLatency()).isTrue();
        assertThat(constraints.needsTrainingMemory()).isTrue();
        assertThat(constraints.describe()).isEqualTo("at most 0.5 ms per image at batch 1, at most 300 MB to train");
        assertThat(SpaceFile.parse("convBlocks: {depth: 1}\nconstraints: {maxParameters: 9}\n", "one.yaml", true)
                .constraints().latencyBatch()).isEqualTo(Constraints.DEFAULT_LATENCY_BATCH);

        InvalidSpaceException e = catchThrowableOfType(() -> SpaceFile.parse("""
                convBlocks: {depth: 1}
                constraints: {maxLatencyMs: 0, maxTrainingMemoryMb: 2.5, latencyBatch: 5000}
                """, "bad.yaml", true), InvalidSpaceException.class);
        assertThat(e.violations()).extracting(SpecViolation::path).containsExactlyInAnyOrder(
                "$.constraints.maxLatencyMs", "$.constraints.maxTrainingMemoryMb", "$.constraints.latencyBatch");
        assertThat(e.getMessage()).contains("expected milliseconds").contains("from 1 to 4096");
        assertThat(catchThrowableOfType(() -> SpaceFile.parse(
                "convBlocks: {depth: 1}\nconstraints: {maxLatencyMs: fast}\n", "bad.yaml", true),
                InvalidSpaceException.class).violations()).extracting(SpecViolation::path)
                .containsExactly("$.constraints.maxLatencyMs");
    }

    @Test
    void lenetSpaceHasPerLayerParametersAndConditions() {
        SearchSpace space = SpaceFile.read(EXAMPLES.resolve("lenet-space.yaml"));
        assertThat(space.name()).isEqualTo("lenet-neighbourhood");
        assertThat(space.convBlocks().depth()).contains(new Domain.IntRange(2, 3, false));
        assertThat(space.maxEpochs()).isEqualTo(3.0);
        boolean sawThreeBlocks = false;
        for (int i = 0; i < 100; i++) {
            Candidate candidate = space.sample(uniform(i), 7);
            int depth = candidate.spec().convBlocks().size();
            sawThreeBlocks |= depth == 3;
            assertThat(candidate.parameters()).containsKey("convBlocks.depth");
            assertThat(candidate.parameters()).containsKey("convBlocks[" + (depth - 1) + "].kernelSize");
            assertThat(candidate.parameters()).doesNotContainKey("convBlocks[" + depth + "].kernelSize");
            // Conditional: weight decay is searched only for NESTEROVS, otherwise it keeps its default 0.
            boolean nesterovs = candidate.parameters().get("training.optimizer").toString().equals("NESTEROVS");
            assertThat(candidate.parameters().containsKey("training.weightDecay")).isEqualTo(nesterovs);
            assertThat(candidate.spec().training().weightDecay() > 0).isEqualTo(nesterovs);
            candidate.spec().convBlocks().forEach(b -> {
                if (b.pooling().type() == PoolingType.MAX) {
                    assertThat(b.pooling().size()).isEqualTo(2);
                }
            });
            assertThat(candidate.spec().training().seed()).isEqualTo(7);
        }
        assertThat(sawThreeBlocks).isTrue();
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        String yaml = """
                name: broken
                convBlocks:
                  depth: {min: 3, max: 1}
                  filters: {min: 8}
                  kernelSize: {choices: [3, 4]}
                  colour: red
                  pooling: {min: 1, max: 2}
                denseLayers:
                  depth: 1
                  units: {choices: []}
                  dropout: {value: 0.5, choices: [0.1]}
                training:
                  learningRate: {min: 0, max: 0.1, log: true}
                  optimizer: {choices: [ADAM, LION]}
                  weightDecay: {value: 0.1, when: {batchSize: 32}}
                extra: 1
                """;
        InvalidSpaceException error = catchThrowableOfType(() -> SpaceFile.parse(yaml, "broken.yaml", true),
                InvalidSpaceException.class);
        assertThat(error.violations()).extracting(SpecViolation::path).containsExactlyInAnyOrder(
                "$.extra",
                "$.convBlocks.depth",
                "$.convBlocks.filters.max",
                "$.convBlocks.kernelSize.choices[1]",
                "$.convBlocks.colour",
                "$.convBlocks.pooling",
                "$.denseLayers.units.choices",
                "$.denseLayers.dropout",
                "$.training.learningRate.min",
                "$.training.optimizer.choices[1]",
                "$.training.weightDecay.when.batchSize");
        assertThat(error.getMessage()).contains("broken.yaml", "empty range: min 3 > max 1",
                "one of [ADAM, SGD, NESTEROVS, RMSPROP, ADAGRAD], found 'LION'");
    }

    @Test
    void absurdSpaceIsRefused() {
        String yaml = """
                convBlocks:
                  depth: {min: 1, max: 40}
                  filters: {min: 8, max: 100000}
                training:
                  epochs: 5000
                  batchSize: 1000000
                """;
        InvalidSpaceException error = catchThrowableOfType(() -> SpaceFile.parse(yaml, "absurd.yaml", true),
                InvalidSpaceException.class);
        assertThat(error.violations()).extracting(SpecViolation::path).containsExactlyInAnyOrder(
                "$.convBlocks.depth.max", "$.convBlocks.filters.max", "$.training.epochs", "$.training.batchSize");
        assertThat(error.getMessage()).contains("filters must be in [1, 1024], found 100000");
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        assertThatThrownBy(() -> SpaceFile.parse("convBlocks:\n  depth: [1, 2\n", "bad.yaml", true))
                .isInstanceOf(InvalidSpaceException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("syntax error at line ");
        assertThatThrownBy(() -> SpaceFile.parse("{\"convBlocks\": {\"depth\": 2,}}", "bad.json", false))
                .hasMessageContaining("syntax error at line 1, column");
    }

    @Test
    void yamlExponentNotationIsANumber() {
        SearchSpace space = SpaceFile.parse("""
                convBlocks: {depth: 1}
                training:
                  learningRate: {min: 1e-4, max: 1e-2, log: true}
                """, "exp.yaml", true);
        assertThat(space.training().parameters().get(0).domain()).isEqualTo(new Domain.FloatRange(1e-4, 1e-2, true));
    }

    @Test
    void spaceWhoseEveryCandidateShrinksBelowOnePixelIsRefused() {
        SearchSpace space = SpaceFile.parse("""
                convBlocks:
                  depth: {min: 7, max: 9}
                  kernelSize: 5
                  padding: VALID
                """, "shrinking.yaml", true);
        List<SpecViolation> problems = SpaceFeasibility.violations(space, 28, 28);
        assertThat(problems).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("$.convBlocks");
            assertThat(v.message()).contains("no candidate of this space fits 28x28", "convolution 7");
        });
        assertThat(SpaceFeasibility.violations(SpaceFile.read(EXAMPLES.resolve("wide-space.yaml")), 28, 28)).isEmpty();
    }

    @Test
    void duplicateChoicesAreNamedByPositionNumbersByValue() {
        InvalidSpaceException invalid = catchThrowableOfType(() -> SpaceFile.parse(
                "{\"convBlocks\": {\"depth\": 1, \"filters\": {\"choices\": [8, 16, 8.0, 32, 16]}}}", "dup.json", false),
                InvalidSpaceException.class);
        assertThat(invalid.violations()).extracting(SpecViolation::path)
                .containsExactly("$.convBlocks.filters.choices[2]", "$.convBlocks.filters.choices[4]");
    }

    @Test
    void aVeryLongListOfChoicesIsCheckedForDuplicatesInOnePass() {
        // 200,000 distinct learning rates: a pairwise check would make 2e10 comparisons and pin a worker for
        // minutes; a set makes 200,000.
        StringBuilder choices = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            choices.append(i == 0 ? "" : ", ").append(1e-6 * (i + 1));
        }
        SearchSpace space = SpaceFile.parse("{\"convBlocks\": {\"depth\": 1, \"filters\": 8}, \"training\": {\"learningRate\": "
                + "{\"choices\": [" + choices + "]}}}", "long.json", false);
        assertThat(space).isNotNull();
    }
}
