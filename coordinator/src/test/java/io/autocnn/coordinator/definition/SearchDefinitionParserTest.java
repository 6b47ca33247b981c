package io.autocnn.coordinator.definition;

import io.autocnn.coordinator.search.Fidelity;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.Augmentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SearchDefinitionParserTest {

    private static final String SPACE = """
            {"convBlocks": {"depth": 1, "filters": {"choices": [2, 4]}, "kernelSize": {"choices": [3, 5]},
                            "pooling": "MAX"},
             "training": {"batchSize": 32, "epochs": 1, "learningRate": {"min": 0.002, "max": 0.02, "log": true}}}
            """;

    private static String folder(String imageFields) {
        return """
                {"space": %s, "dataset": {"name": "folder", "path": "flowers"%s}}
                """.formatted(SPACE, imageFields);
    }

    @Test
    void everyFieldTakesItsDeclaredDefault() {
        SearchDefinition definition = SearchDefinitionParser.parse("{\"space\": " + SPACE + "}", 3);
        assertThat(definition.name()).isEqualTo(SearchField.NAME.defaultValue().orElseThrow());
        assertThat(definition.sampler()).isEqualTo(SearchField.SAMPLER.defaultValue().orElseThrow());
        assertThat(definition.scheduler()).isEqualTo(SearchField.SCHEDULER.defaultValue().orElseThrow());
        assertThat(Integer.toString(definition.rungs())).isEqualTo(SearchField.RUNGS.defaultValue().orElseThrow());
        assertThat(definition.fidelity().id()).isEqualTo(SearchField.FIDELITY.defaultValue().orElseThrow());
        assertThat(definition.dataset().name()).isEqualTo(SearchField.DATASET.defaultValue().orElseThrow());
        assertThat(Integer.toString(definition.maxTrials()))
                .isEqualTo(SearchField.MAX_TRIALS.defaultValue().orElseThrow());
        assertThat(Long.toString(definition.maxWallTimeSeconds()))
                .isEqualTo(SearchField.MAX_WALL_TIME_SECONDS.defaultValue().orElseThrow());
        assertThat(definition.maxConcurrent()).isEqualTo(3);
        assertThat(Double.toString(definition.dataset().validationFraction()))
                .isEqualTo(SearchField.VALIDATION_FRACTION.defaultValue().orElseThrow());
        assertThat(definition.dataset().scramble()).isFalse();
    }

    @Test
    void folderImagesDefaultToGray28x28() {
        DatasetDefinition dataset = SearchDefinitionParser.parse(folder("")).dataset();
        assertThat(dataset.imageHeight()).isEqualTo(28);
        assertThat(dataset.imageWidth()).isEqualTo(28);
        assertThat(dataset.channels()).isEqualTo(1);
    }

    @Test
    void folderImageSizeAndColourAreTakenAndSurviveTheStoredDefinition() {
        SearchDefinition definition = SearchDefinitionParser.parse(
                folder(", \"imageHeight\": 32, \"imageWidth\": 48, \"channels\": 3, \"scramble\": true"));
        assertThat(definition.dataset().imageHeight()).isEqualTo(32);
        assertThat(definition.dataset().imageWidth()).isEqualTo(48);
        assertThat(definition.dataset().channels()).isEqualTo(3);
        // A resumed experiment is rebuilt from its stored definition.
        assertThat(SearchDefinitionParser.parse(SearchDefinitionJson.toJson(definition).toString()))
                .isEqualTo(definition);
    }

    @Test
    void augmentationIsTakenSurvivesTheStoredDefinitionAndRefusesFlippedDigits() {
        SearchDefinition definition = SearchDefinitionParser.parse("{\"space\": " + SPACE + ", \"dataset\": "
                + "{\"augmentShift\": 2, \"augmentFlip\": true, \"augmentErasing\": true}}");
        assertThat(definition.dataset().augmentation()).isEqualTo(new Augmentation(2, true, true));
        assertThat(SearchDefinitionParser.parse(SearchDefinitionJson.toJson(definition).toString()))
                .isEqualTo(definition);
        assertThat(SearchDefinitionParser.parse("{\"space\": " + SPACE + "}").dataset().augmentation())
                .isEqualTo(Augmentation.NONE);

        InvalidDefinitionException problem = catchThrowableOfType(() -> SearchDefinitionParser.parse(
                "{\"space\": " + SPACE + ", \"dataset\": {\"name\": \"mnist\", \"augmentFlip\": true, "
                        + "\"augmentShift\": 9, \"augmentErasing\": 1}}"), InvalidDefinitionException.class);
        assertThat(problem.violations()).extracting(SpecViolation::path).containsExactlyInAnyOrder(
                "$.dataset.augmentFlip", "$.dataset.augmentShift", "$.dataset.augmentErasing");
        assertThat(problem.getMessage()).contains("holds digits");
    }

    /** A choice that decides which trials run: taken, kept by the stored definition, fixed once the search ran. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"fidelity, data, pixels, '[epochs, data]'",
            "secondObjective, latency, energy, '[none, params, macs, latency]'"})
    void aSearchChoiceIsTakenSurvivesTheStoredDefinitionAndCannotChangeOnAContinuedSearch(String field, String value,
                                                                                          String wrong, String names) {
        SearchDefinition chosen = SearchDefinitionParser.parse("{\"space\": " + SPACE + ", \"" + field + "\": \""
                + value + "\"}");
        SearchDefinition byDefault = SearchDefinitionParser.parse("{\"space\": " + SPACE + "}");
        assertThat(chosen).isNotEqualTo(byDefault);
        assertThat(SearchDefinitionParser.parse(SearchDefinitionJson.toJson(chosen).toString())).isEqualTo(chosen);
        assertThatThrownBy(() -> byDefault.withBudgetOf(chosen)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(field);

        InvalidDefinitionException problem = catchThrowableOfType(() -> SearchDefinitionParser.parse(
                "{\"space\": " + SPACE + ", \"" + field + "\": \"" + wrong + "\"}"), InvalidDefinitionException.class);
        assertThat(problem.violations()).extracting(SpecViolation::path).containsExactly("$." + field);
        assertThat(problem.getMessage()).contains(names);
    }

    @Test
    void theChoicesReadAsTheirTypes() {
        assertThat(SearchDefinitionParser.parse("{\"space\": " + SPACE + ", \"fidelity\": \"data\"}").fidelity())
                .isEqualTo(Fidelity.DATA);
        assertThat(SearchDefinitionParser.parse("{\"space\": " + SPACE + ", \"secondObjective\": \"macs\"}")
                .secondObjective()).contains(SecondObjective.MACS);
        assertThat(SearchDefinitionParser.parse("{\"space\": " + SPACE + "}").secondObjective()).isEmpty();
    }

    @Test
    void seedTrialsAreCheckedAsSpecificationsAndSurviveTheStoredDefinition() {
        String lenet = TrialSpecJson.write(LeNet5.spec());
        SearchDefinition definition = SearchDefinitionParser.parse("{\"space\": " + SPACE + ", \"seedTrials\": ["
                + lenet + "]}");
        assertThat(definition.seedTrials()).containsExactly(LeNet5.spec());
        assertThat(SearchDefinitionParser.parse(SearchDefinitionJson.toJson(definition).toString()))
                .isEqualTo(definition);

        InvalidDefinitionException problem = catchThrowableOfType(() -> SearchDefinitionParser.parse(
                "{\"space\": " + SPACE + ", \"seedTrials\": [" + lenet + ", "
                        + lenet.replace("\"filters\" : 16", "\"filters\" : 0") + "]}"),
                InvalidDefinitionException.class);
        assertThat(problem.violations()).extracting(SpecViolation::path)
                .containsExactly("$.seedTrials[1].convBlocks[1].filters");
        String tooMany = "[" + String.join(", ", java.util.Collections.nCopies(101, lenet)) + "]";
        assertThat(catchThrowableOfType(() -> SearchDefinitionParser.parse("{\"space\": " + SPACE
                + ", \"seedTrials\": " + tooMany + "}"), InvalidDefinitionException.class).violations())
                .extracting(SpecViolation::message).containsExactly("must be a list of at most 100 trial specifications");
    }

    @Test
    void badValuesAreEachNamedByTheirJsonPath() {
        InvalidDefinitionException problem = catchThrowableOfType(() -> SearchDefinitionParser.parse(
                folder(", \"imageHeight\": 4, \"imageWidth\": 4096, \"channels\": 2, \"scramble\": \"yes\"")),
                InvalidDefinitionException.class);
        assertThat(problem.malformed()).isFalse();
        assertThat(problem.violations()).extracting(SpecViolation::path).containsExactlyInAnyOrder(
                "$.dataset.imageHeight", "$.dataset.imageWidth", "$.dataset.channels", "$.dataset.scramble");
        assertThat(problem.violations()).extracting(SpecViolation::message)
                .anySatisfy(m -> assertThat(m).contains("[1, 3]"));
    }

    @Test
    void everyRangeIsEnforcedAtItsBoundsAndNoFurther() {
        for (SearchField field : SearchField.values()) {
            if (field.kind() != SearchField.Kind.INTEGER || !field.choices().isEmpty()
                    || field.max() == Long.MAX_VALUE) {
                continue;
            }
            assertThat(violations(field, field.max())).as(field + " at its maximum").isEmpty();
            assertThat(violations(field, field.max() + 1)).as(field + " above its maximum")
                    .containsExactly(field.jsonPath());
            assertThat(violations(field, field.min() - 1)).as(field + " below its minimum")
                    .containsExactly(field.jsonPath());
        }
    }

    @Test
    void notJsonAndUnknownFieldsAreMalformedAndSayWhere() {
        InvalidDefinitionException syntax = catchThrowableOfType(() -> SearchDefinitionParser.parse(
                "{\"space\": {\n \"x\": }"), InvalidDefinitionException.class);
        assertThat(syntax.malformed()).isTrue();
        assertThat(syntax.getMessage()).contains("line 2");
        InvalidDefinitionException unknown = catchThrowableOfType(() -> SearchDefinitionParser.parse(
                "{\"space\": " + SPACE + ", \"budget\": {\"maxTrails\": 3}}"), InvalidDefinitionException.class);
        assertThat(unknown.malformed()).isTrue();
        assertThat(unknown.getMessage()).contains("$.budget.maxTrails", "maxTrials");
    }

    @Test
    void datasetPathsThatLeaveTheRootAreRefused() {
        for (String path : new String[]{"/etc", "../up", "a/../../b", "~/x"}) {
            assertThat(catchThrowableOfType(() -> SearchDefinitionParser.parse(
                    "{\"space\": " + SPACE + ", \"dataset\": {\"path\": \"" + path + "\"}}"),
                    InvalidDefinitionException.class).violations()).extracting(SpecViolation::path)
                    .as(path).containsExactly("$.dataset.path");
        }
    }

    @Test
    void concurrencyDefaultsToTheCallersUnlessTheDefinitionSetsIt() {
        assertThat(SearchDefinitionParser.parse(folder(""), 2).maxConcurrent()).isEqualTo(2);
        assertThat(SearchDefinitionParser.parse("{\"space\": " + SPACE + ", \"budget\": {\"maxConcurrent\": 1}}", 2)
                .maxConcurrent()).isEqualTo(1);
    }

    /** The JSON paths the parser refuses when {@code field} alone is set to {@code value}. */
    private static String[] violations(SearchField field, long value) {
        String json = field.group().isEmpty()
                ? "{\"space\": " + SPACE + ", \"" + field.key() + "\": " + value + "}"
                : "{\"space\": " + SPACE + ", \"" + field.group() + "\": {\"" + field.key() + "\": " + value + "}}";
        try {
            SearchDefinitionParser.parse(json);
            return new String[0];
        } catch (InvalidDefinitionException e) {
            return e.violations().stream().map(SpecViolation::path).toArray(String[]::new);
        }
    }

    @Test
    void everyFieldWithAFlagNamesADistinctOne() {
        assertThat(Arrays.stream(SearchField.values()).flatMap(f -> f.flag().stream())).doesNotHaveDuplicates();
    }
}
