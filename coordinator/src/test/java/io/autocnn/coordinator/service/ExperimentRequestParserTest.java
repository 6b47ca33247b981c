package io.autocnn.coordinator.service;

import io.autocnn.space.spec.SpecViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ExperimentRequestParserTest {

    private static String folder(String imageFields) {
        return """
                {"space": %s, "dataset": {"name": "folder", "path": "flowers"%s}}
                """.formatted(ExperimentBodies.SPACE.formatted(1), imageFields);
    }

    @Test
    void folderImagesDefaultToGray28x28() {
        DatasetRequest dataset = ExperimentRequestParser.parse(folder("")).dataset();
        assertThat(dataset.imageHeight()).isEqualTo(28);
        assertThat(dataset.imageWidth()).isEqualTo(28);
        assertThat(dataset.channels()).isEqualTo(1);
    }

    @Test
    void folderImageSizeAndColourAreTakenAndSurviveTheStoredDefinition() {
        ExperimentRequest request = ExperimentRequestParser.parse(
                folder(", \"imageHeight\": 32, \"imageWidth\": 48, \"channels\": 3"));
        assertThat(request.dataset().imageHeight()).isEqualTo(32);
        assertThat(request.dataset().imageWidth()).isEqualTo(48);
        assertThat(request.dataset().channels()).isEqualTo(3);
        // A resumed experiment is rebuilt from its stored definition.
        assertThat(ExperimentRequestParser.parse(ExperimentDefinitions.toJson(request)).dataset())
                .isEqualTo(request.dataset());
    }

    @Test
    void badImageFieldsAreEachNamedByTheirJsonPath() {
        ApiProblem problem = catchThrowableOfType(() -> ExperimentRequestParser.parse(
                folder(", \"imageHeight\": 4, \"imageWidth\": 4096, \"channels\": 2")), ApiProblem.class);
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations()).extracting(SpecViolation::path)
                .containsExactlyInAnyOrder("$.dataset.imageHeight", "$.dataset.imageWidth", "$.dataset.channels");
        assertThat(problem.violations()).extracting(SpecViolation::message)
                .anySatisfy(m -> assertThat(m).contains("1 (gray) or 3 (colour)"));
    }

    @Test
    void concurrencyDefaultsToTheServicesUnlessTheRequestSetsIt() {
        assertThat(ExperimentRequestParser.parse(folder(""), 2).maxConcurrent()).isEqualTo(2);
        String one = ExperimentBodies.tiny(3, 1, 1);
        assertThat(one).contains("\"maxConcurrent\": 1");
        assertThat(ExperimentRequestParser.parse(one, 2).maxConcurrent()).isEqualTo(1);
    }
}
