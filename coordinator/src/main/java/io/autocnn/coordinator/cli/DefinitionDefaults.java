package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.definition.SearchField;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line's defaults for every option that sets a field of a search definition, taken from
 * {@link SearchField}: a flag and the API field it stands for can never have different defaults. Options outside the
 * definition keep the defaults of their own annotations.
 */
final class DefinitionDefaults implements CommandLine.IDefaultValueProvider {

    static final String IMAGE_SIZE = "--image-size";
    static final String BUDGET = "--budget";

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        String flag = option.longestName();
        if (flag.equals(IMAGE_SIZE)) {
            return SearchField.IMAGE_HEIGHT.defaultValue().orElseThrow() + "x"
                    + SearchField.IMAGE_WIDTH.defaultValue().orElseThrow();
        }
        return SearchField.ofFlag(flag).flatMap(SearchField::defaultValue)
                .map(value -> flag.equals(BUDGET) ? duration(Long.parseLong(value)) : value)
                .orElse(null);
    }

    /** Seconds as the budget flag reads them: 600 is "10m". */
    static String duration(long seconds) {
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
