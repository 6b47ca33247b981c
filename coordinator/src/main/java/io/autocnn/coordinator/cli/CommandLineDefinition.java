package io.autocnn.coordinator.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.autocnn.coordinator.definition.InvalidDefinitionException;
import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.definition.SearchDefinitionParser;
import io.autocnn.coordinator.definition.SearchField;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.spec.SpecViolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A search definition from command-line flags: the flags are written as the definition's JSON and checked by the
 * same {@link SearchDefinitionParser} the service uses, so a value the API refuses is refused here too, with the
 * flag named.
 */
final class CommandLineDefinition {

    private CommandLineDefinition() {
    }

    /**
     * The definition's JSON: {@code name} (default: the space file's name), the space read from {@code spaceFile},
     * the dataset with {@code datasetPath} ("" for its default place), the search settings and the concurrency.
     */
    static ObjectNode json(String name, Path spaceFile, DatasetSample sample, String datasetPath,
                           SearchSettings settings, int maxConcurrent) {
        SpaceFile.read(spaceFile); // errors name the file and line, better than the JSON paths below would
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", name != null ? name : spaceFile.getFileName().toString().replaceFirst("\\.[^.]*$", ""));
        try {
            root.set("space", new YAMLMapper().readTree(Files.readString(spaceFile)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + spaceFile, e);
        }
        ObjectNode dataset = root.putObject("dataset");
        sample.writeTo(dataset);
        dataset.put("path", datasetPath);
        settings.writeTo(root, maxConcurrent);
        return root;
    }

    /** The checked definition of {@code json}; bad values fail naming their flags. */
    static SearchDefinition parse(ObjectNode json) {
        try {
            return SearchDefinitionParser.parse(json.toString());
        } catch (InvalidDefinitionException e) {
            if (e.malformed()) {
                throw e;
            }
            throw new IllegalArgumentException(e.violations().stream().map(CommandLineDefinition::describe)
                    .collect(Collectors.joining("; ")), e);
        }
    }

    private static String describe(SpecViolation violation) {
        String where = SearchField.atJsonPath(violation.path()).flatMap(SearchField::flag)
                .map(flag -> flag + " (" + violation.path() + ")").orElse(violation.path());
        return where + ": " + violation.message();
    }
}
