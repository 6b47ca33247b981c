package io.autocnn.coordinator.dispatch;

import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.train.TrialListener;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM for {@link TrialOutOfMemoryTest}: embedded Spark in a heap too small for all of Fashion-MNIST runs one
 * trial on it, so the task's data read runs out of memory; prints the trial's result and, after it, that it lived.
 */
public final class OutOfMemoryTrial {

    private OutOfMemoryTrial() {
    }

    public static void main(String[] args) throws Exception {
        DataRecipe allOfFashionMnist = new DataRecipe("fashion-mnist", "", new ImageShape(1, 28, 28), 60_000, 10_000,
                0.1, false, 0, 11);
        try (SparkDispatcher spark = SparkDispatcher.start(SparkOptions.embedded().withMaster("local[1]")
                .withConcurrency(1, 1))) {
            TrialResult result = spark.forData(allOfFashionMnist, TinyTrials.MEASURING, TrialBody.TRAIN)
                    .submit(TinyTrials.task(0, 1, Path.of(args[0])), TrialListener.NONE)
                    .get(3, TimeUnit.MINUTES);
            System.out.println("result " + result.state() + " " + result.failureCause().map(Enum::name).orElse("-")
                    + " " + result.message());
            // A second, small trial on the same executor: the process and its Spark context are still usable.
            TrialResult after = spark.forData(TinyTrials.fashionMnist(), TinyTrials.MEASURING, TrialBody.TRAIN)
                    .submit(TinyTrials.task(1, 1, Path.of(args[0])), TrialListener.NONE)
                    .get(3, TimeUnit.MINUTES);
            System.out.println("after " + after.state());
        }
        System.out.println("alive");
    }
}
