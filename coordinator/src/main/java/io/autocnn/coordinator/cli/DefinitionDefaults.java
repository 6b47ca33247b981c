package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.definition.SearchField;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Optional;

/**
 * The command line's defaults for every option that sets a field of a search definition, taken from
 * {@link SearchField}: a flag and the API field it stands for can never have different defaults. An option says which
 * field it sets by its {@code descriptionKey} (the field's path, e.g. {@code budget.maxTrials}); options without one
 * keep the defaults of their own annotations.
 */
final class DefinitionDefaults implements CommandLine.IDefaultValueProvider {

    static final String IMAGE_SIZE = "--image-size";
    /** The key of --image-size, which sets two fields at once (height and width). */
    static final String IMAGE_SIZE_KEY = "dataset.imageSize";
    static final String BUDGET = "--budget";

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || option.descriptionKey() == null
                || option.descriptionKey().isEmpty()) {
            return null;
        }
        if (option.descriptionKey().equals(IMAGE_SIZE_KEY)) {
            return SearchField.IMAGE_HEIGHT.defaultValue().orElseThrow() + "x"
                    + SearchField.IMAGE_WIDTH.defaultValue().orElseThrow();
        }
        return field(option).flatMap(SearchField::defaultValue)
                .map(value -> option.longestName().equals(BUDGET) ? duration(Long.parseLong(value)) : value)
                .orElse(null);
    }

    /** The definition field the option sets, by its description key. */
    static Optional<SearchField> field(OptionSpec option) {
        return SearchField.atPath(option.descriptionKey());
    }

    /** Seconds as the budget flag reads them: 600 is "10m". */
    static String duration(long seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
