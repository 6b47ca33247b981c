package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.engine.SearchEngine;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageDataset;
import io.autocnn.workers.data.PreparedDataCache;
import io.autocnn.workers.train.TrainingData;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What a command that searches prepares before the first trial: the definition its flags make (checked by the
 * service's rules), and the data, read once here and shared with the embedded Spark's tasks. The definition names a
 * {@code --data-dir} relative to the file-system root, a command-line search's dataset root.
 */
record PreparedSearch(SearchDefinition definition, SearchSpace space, ImageDataset source, DataRecipe recipe,
                      TrainingData data) {

    /** Checks the flags, then reads the data; the data's sample and validation split are fixed by the seed. */
    static PreparedSearch prepare(Path spaceFile, SearchSettings settings, DatasetOptions options, int maxConcurrent,
                                  PrintWriter console) {
        String datasetPath = options.dataDir == null ? ""
                : Path.of("/").relativize(options.dataDir.toAbsolutePath().normalize()).toString();
        SearchDefinition definition = CommandLineDefinition.parse(CommandLineDefinition.json(null, spaceFile,
                options.sample, datasetPath, settings, maxConcurrent));
        SearchSpace space = definition.parsedSpace();
        ImageDataset source = options.open();
        console.println("dataset   " + source.description());
        DataRecipe recipe = definition.dataset().recipe(options.directory(), definition.seed());
        TrainingData prepared = recipe.prepare(source);
        // Embedded Spark runs tasks in this JVM: they reuse these arrays instead of reading the files again.
        PreparedDataCache.put(recipe, prepared);
        SearchEngine.checkFits(definition, prepared);
        console.println("images    " + Describe.images(prepared));
        return new PreparedSearch(definition, space, source, recipe, prepared);
    }

    /** The sampler and scheduler in words, e.g. "sampler tpe, scheduler asha", and a second objective if any. */
    String strategy() {
        return "sampler " + definition.sampler(space, definition.seed()).name() + ", scheduler "
                + definition.scheduler(space).name() + definition.secondObjective()
                .map(objective -> ", objectives validation error and " + objective.description()).orElse("");
    }
}
