package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.dispatch.SparkDispatcher;
import io.autocnn.coordinator.search.SearchBudget;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.coordinator.store.ExperimentIds;
import io.autocnn.space.definition.InvalidSpaceException;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFeasibility;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageDataset;
import io.autocnn.workers.data.PreparedDataCache;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What a command that searches prepares before the first trial: the checked space, the data (read once here and
 * shared with the embedded Spark's tasks), and, per search, the sampler, scheduler and dispatcher its options ask for.
 */
record PreparedSearch(SearchSpace space, String strategy, ImageDataset source, DataRecipe recipe, TrainingData data) {

    /** Training error during a search is measured on this many images: it is reported, never used to decide. */
    private static final int SEARCH_TRAIN_ERROR_SAMPLE = 2_000;

    /**
     * Reads the space and the data, checking the search settings first; the data's sample and validation split are
     * fixed by {@code splitSeed}.
     */
    static PreparedSearch prepare(Path spaceFile, SearchSettings settings, DatasetOptions options, long splitSeed,
                                  PrintWriter console) {
        SearchSpace space = SpaceFile.read(spaceFile);
        String strategy = settings.describe(space);
        settings.limits(); // refuses bad limits, too, before the data is read
        ImageDataset source = options.open();
        console.println("dataset   " + source.description());
        DataRecipe recipe = options.recipe(splitSeed);
        TrainingData prepared = recipe.prepare(source);
        // Embedded Spark runs tasks in this JVM: they reuse these arrays instead of reading the files again.
        PreparedDataCache.put(recipe, prepared);
        List<SpecViolation> infeasible = SpaceFeasibility.violations(space, prepared.shape().height(),
                prepared.shape().width());
        if (!infeasible.isEmpty()) {
            throw new InvalidSpaceException(spaceFile.toString(), infeasible);
        }
        console.println("images    " + Describe.images(prepared));
        return new PreparedSearch(space, strategy, source, recipe, prepared);
    }

    /**
     * A search of this space on this data, its sampler and trials seeded with {@code seed}, under a new experiment id
     * of its own (its trials never share keys with another search of the process).
     */
    SearchRun search(SearchSettings settings, long seed, SparkDispatcher spark, Path checkpoints,
                     SearchListener listener) {
        RunnerOptions options = new RunnerOptions(SEARCH_TRAIN_ERROR_SAMPLE, RunnerOptions.defaults().evaluationChunk());
        return new SearchRun(ExperimentIds.next(), settings.sampler(space, seed), settings.scheduler(space),
                spark.forData(recipe, options, TrialBody.TRAIN), settings.limits(), space.maxEpochs(), checkpoints,
                listener);
    }
}
