package io.autocnn.coordinator.dispatch;

import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.train.RunnerOptions;

/**
 * Gives each experiment its {@link Dispatcher} onto shared workers: {@link SparkDispatcher} in the product, a fake in
 * the engine's fast tests.
 */
@FunctionalInterface
public interface DispatcherFactory {

    /** A dispatcher for trials that train on {@code data}, running up to {@code slots} of them at a time. */
    Dispatcher forData(DataRecipe data, RunnerOptions runnerOptions, TrialBody body, int slots);
}
